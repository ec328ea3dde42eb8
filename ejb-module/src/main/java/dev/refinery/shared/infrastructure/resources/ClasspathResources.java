package dev.refinery.shared.infrastructure.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text files shipped with the code: schemas, prompts. */
public final class ClasspathResources {

  private ClasspathResources() {}

  /** The resource as UTF-8 text; an IllegalStateException naming it when it is missing. */
  public static String text(String name) {
    try (InputStream in = ClasspathResources.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
