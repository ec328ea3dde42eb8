package dev.refinery.shared.infrastructure.management;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This running instance as the fleet knows it: its name ({@code refinery.instance.name}, else host
 * and process id), the application's version and when it started.
 */
@ApplicationScoped
public class ThisInstance {

  private static final Instant STARTED = Instant.now();

  @Inject
  @ConfigProperty(name = "refinery.instance.name")
  Optional<String> configured;

  private String name;
  private String version;

  public String name() {
    if (name == null) {
      name =
          configured
              .filter(n -> !n.isBlank())
              .orElseGet(() -> host() + ":" + ProcessHandle.current().pid());
    }
    return name;
  }

  /** The application's version, as the build wrote it into the EJB module. */
  public String version() {
    if (version == null) {
      Properties properties = new Properties();
      try (InputStream in =
          ThisInstance.class.getResourceAsStream("/META-INF/refinery-version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("the version resource cannot be read", e);
      }
      version = properties.getProperty("version", "unknown");
    }
    return version;
  }

  public Instant startedAt() {
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    return uptime > 0 ? Instant.now().minusMillis(uptime) : STARTED;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
