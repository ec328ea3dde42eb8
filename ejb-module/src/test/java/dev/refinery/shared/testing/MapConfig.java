package dev.refinery.shared.testing;

import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** MicroProfile Config over a map, for unit tests: strings, ISO-8601 durations and doubles. */
public final class MapConfig implements Config {

  private final Map<String, String> values;

  public MapConfig(Map<String, String> values) {
    this.values = values;
  }

  @Override
  public <T> T getValue(String name, Class<T> type) {
    return getOptionalValue(name, type)
        .orElseThrow(() -> new NoSuchElementException(name + " is not set"));
  }

  @Override
  public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
    return Optional.ofNullable(values.get(name)).map(value -> convert(value, type));
  }

  private static <T> T convert(String value, Class<T> type) {
    if (type == String.class) {
      return type.cast(value);
    }
    if (type == Duration.class) {
      return type.cast(Duration.parse(value));
    }
    if (type == Double.class) {
      return type.cast(Double.valueOf(value));
    }
    throw new IllegalArgumentException(
        "MapConfig converts strings, durations and doubles, not " + type.getName());
  }

  @Override
  public ConfigValue getConfigValue(String name) {
    throw new UnsupportedOperationException("not read by the use cases under test");
  }

  @Override
  public Iterable<String> getPropertyNames() {
    return values.keySet();
  }

  @Override
  public Iterable<ConfigSource> getConfigSources() {
    throw new UnsupportedOperationException("not read by the use cases under test");
  }

  @Override
  public <T> Optional<Converter<T>> getConverter(Class<T> type) {
    return Optional.empty();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    throw new UnsupportedOperationException("not read by the use cases under test");
  }
}
