package dev.refinery.rabbitmq;

import static dev.refinery.rabbitmq.RabbitResourceAdapter.LOG;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The moment between a delivery's database commit and its ack, where the fault suite ({@code
 * ./refinery faults}, scenario F2) halts a worker as a power cut would. The production adapter has
 * no crash point: the one that halts ships only in {@code rabbitmq-ra-faults.rar}, which the fault
 * suite deploys to the worker it dooms; this adapter finds it with the {@link ServiceLoader} when
 * it is there.
 */
public interface CrashPoint {

  /** The variable that arms the fault suite's crash point: the N-th committed delivery halts. */
  String VARIABLE = "REFINERY_FAULT_HALT_BEFORE_ACK";

  /** Called after a delivery's transaction committed, before its ack. */
  void committed(String messageId, String queue);

  /** The crash point this adapter was built with: none, unless it is the fault suite's build. */
  static CrashPoint installed() {
    return Installed.CRASH_POINT;
  }

  /** Looked up once per adapter class loader. */
  final class Installed {
    private static final CrashPoint CRASH_POINT = find();

    private Installed() {}

    private static CrashPoint find() {
      Optional<CrashPoint> found =
          ServiceLoader.load(CrashPoint.class, CrashPoint.class.getClassLoader()).findFirst();
      if (found.isEmpty() && System.getenv(VARIABLE) != null) {
        LOG.log(
            Level.WARNING,
            "{0} is set, but this resource adapter has no crash point (only the fault suite''s"
                + " build does): nothing halts",
            VARIABLE);
      }
      return found.orElse((messageId, queue) -> {});
    }
  }
}
