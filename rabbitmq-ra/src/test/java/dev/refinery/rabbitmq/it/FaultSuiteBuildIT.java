package dev.refinery.rabbitmq.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The crash switch ships only where the fault suite needs it: the production adapter holds no crash
 * point (no class that halts the JVM, no service entry that would load one); the fault suite's
 * build does.
 */
class FaultSuiteBuildIT {

  private static final String HALTING = "dev/refinery/rabbitmq/HaltBeforeAck.class";
  private static final String SERVICE = "META-INF/services/dev.refinery.rabbitmq.CrashPoint";

  @Test
  void theProductionAdapterHasNoCrashPoint() throws IOException {
    List<String> entries = entriesOfEveryJar(Path.of(System.getenv("REFINERY_RAR")));
    assertThat(entries)
        .contains("dev/refinery/rabbitmq/Delivery.class", "dev/refinery/rabbitmq/CrashPoint.class")
        .doesNotContain(HALTING, SERVICE);
  }

  @Test
  void theFaultSuitesAdapterHasOne() throws IOException {
    Path production = Path.of(System.getenv("REFINERY_RAR"));
    List<String> entries = entriesOfEveryJar(production.resolveSibling("rabbitmq-ra-faults.rar"));
    assertThat(entries).contains("dev/refinery/rabbitmq/Delivery.class", HALTING, SERVICE);
  }

  /** The entries of the jars at the top of the archive, as the adapter's class loader sees them. */
  private static List<String> entriesOfEveryJar(Path rar) throws IOException {
    List<String> entries = new ArrayList<>();
    try (ZipFile archive = new ZipFile(rar.toFile())) {
      for (ZipEntry jar :
          archive.stream().filter(entry -> entry.getName().endsWith(".jar")).toList()) {
        try (InputStream in = archive.getInputStream(jar);
            ZipInputStream nested = new ZipInputStream(in)) {
          for (ZipEntry entry = nested.getNextEntry();
              entry != null;
              entry = nested.getNextEntry()) {
            entries.add(entry.getName());
          }
        }
      }
    }
    return entries;
  }
}
