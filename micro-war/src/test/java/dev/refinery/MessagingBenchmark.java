package dev.refinery;

import static dev.refinery.shared.messaging.BoundedContext.HUMAN_INTERACTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.MessageQueue;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test: {@code ./refinery bench messaging}. Messages per second through the RabbitMQ adapter
 * (publish in transactions of 100, outbox, relay with confirms, quorum queue, MDB, handler with
 * inbox record), and RabbitMQ PerfTest's raw rate on the same broker in the same run, and their
 * ratio.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagingBenchmark {

  private static final AtomicLong HANDLED = new AtomicLong();

  /**
   * From the environment: Payara Micro inherits it from the test JVM, system properties it does
   * not.
   */
  private static final Path RESULTS =
      Path.of(System.getenv().getOrDefault("BENCH_RESULTS", "target/bench"));

  @Deployment
  static WebArchive refinery() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("refinery.war")))
        .addClasses(
            MessagingBenchmark.class,
            dev.refinery.taskmanagement.api.LoadPing.class,
            dev.refinery.humaninteraction.api.LoadPing.class,
            dev.refinery.productdefinition.api.LoadPing.class,
            dev.refinery.orchestration.api.LoadPing.class)
        .addAsLibraries(new File(System.getProperty("assertj.jar")));
  }

  @Inject MessageQueue queue;

  @Resource UserTransaction transaction;

  @Test
  @Order(1)
  void warmUp() throws Exception {
    measure(Math.max(500, messages() / 5));
  }

  @Test
  @Order(2)
  void throughTheJmsAdapter() throws Exception {
    int messages = messages();
    double seconds = measure(messages);
    Files.createDirectories(RESULTS);
    Files.writeString(RESULTS.resolve("adapter.txt"), messages + " " + seconds);
  }

  @Test
  @Order(3)
  @RunAsClient
  void rawPerfTestAndTheRatio() throws Exception {
    String[] adapter = Files.readString(RESULTS.resolve("adapter.txt")).trim().split(" ");
    int messages = Integer.parseInt(adapter[0]);
    double seconds = Double.parseDouble(adapter[1]);
    double adapterRate = messages / seconds;
    double perfTestRate = perfTest();
    double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    String json =
        String.format(
            Locale.ROOT,
            "{\"benchmark\":\"messaging\",\"messages\":%d,\"seconds\":%.2f,\"adapter_msgs_per_s\":%.0f,"
                + "\"perftest_msgs_per_s\":%.0f,\"ratio\":%.3f,\"load_average\":%.2f,\"cores\":%d}",
            messages,
            seconds,
            adapterRate,
            perfTestRate,
            adapterRate / perfTestRate,
            load,
            Runtime.getRuntime().availableProcessors());
    String table =
        String.format(
            Locale.ROOT,
            """
            what                                              msgs/s
            JMS adapter: publish > outbox > relay > MDB > handled  %8.0f   (%d messages in %.1f s)
            RabbitMQ PerfTest: quorum, 1 KB, persistent, confirms  %8.0f   (1 producer, 4 consumers, 15 s)
            ratio adapter / PerfTest                                %8.3f   (load average %.2f)
            """,
            adapterRate,
            messages,
            seconds,
            perfTestRate,
            adapterRate / perfTestRate,
            load);
    Files.writeString(RESULTS.resolve("messaging.json"), json + "\n");
    Files.writeString(RESULTS.resolve("messaging.txt"), json + "\n\n" + table);
    assertThat(adapterRate).isPositive();
    assertThat(perfTestRate).isPositive();
  }

  /** Publishes the messages across the four contexts and waits until every one was handled. */
  private double measure(int messages) throws Exception {
    subscribe();
    long start = System.nanoTime();
    long target = HANDLED.get() + messages;
    for (int first = 0; first < messages; first += 100) {
      transaction.begin();
      for (int n = first; n < Math.min(first + 100, messages); n++) {
        queue.publishCommand(HUMAN_INTERACTION, ping(BoundedContext.values()[n % 4], n));
      }
      transaction.commit();
    }
    while (HANDLED.get() < target) {
      Thread.sleep(5);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static double perfTest() throws Exception {
    String classpath = Files.readString(Path.of(System.getProperty("bench.classpath"))).trim();
    String uri = "amqp://guest:guest@127.0.0.1:5672/" + System.getenv("REFINERY_RABBITMQ_VHOST");
    List<String> command =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-cp",
            classpath,
            "com.rabbitmq.perf.PerfTest",
            "-h",
            uri,
            "-x",
            "1",
            "-y",
            "4",
            "-qq",
            "-u",
            "bench.perftest",
            "-s",
            "1000",
            "-f",
            "persistent",
            "-c",
            "100",
            "-q",
            "100",
            "-z",
            "15",
            "--id",
            "bench");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
    Matcher rate = Pattern.compile("receiving rate avg: (\\d+) msg/s").matcher(output);
    assertThat(rate.find()).as(output).isTrue();
    return Double.parseDouble(rate.group(1));
  }

  private int messages() {
    return Integer.parseInt(System.getenv().getOrDefault("BENCH_MESSAGES", "5000"));
  }

  private static boolean subscribed;

  private synchronized void subscribe() {
    if (subscribed) {
      return;
    }
    subscribed = true;
    for (BoundedContext context : BoundedContext.values()) {
      queue.subscribeToCommands(
          context, Set.of(ping(context, 0).getClass()), envelope -> HANDLED.incrementAndGet());
    }
  }

  private static Command ping(BoundedContext context, int n) {
    return switch (context) {
      case TASK_MANAGEMENT -> new dev.refinery.taskmanagement.api.LoadPing("bench", n);
      case HUMAN_INTERACTION -> new dev.refinery.humaninteraction.api.LoadPing("bench", n);
      case PRODUCT_DEFINITION -> new dev.refinery.productdefinition.api.LoadPing("bench", n);
      case ORCHESTRATION -> new dev.refinery.orchestration.api.LoadPing("bench", n);
    };
  }
}
