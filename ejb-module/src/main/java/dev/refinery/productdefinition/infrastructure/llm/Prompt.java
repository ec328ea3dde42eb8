package dev.refinery.productdefinition.infrastructure.llm;

import dev.refinery.shared.infrastructure.resources.ClasspathResources;
import java.util.List;

/**
 * A versioned prompt: {@code productdefinition/prompts/<version>.system.txt} (the role and the
 * policy) and {@code <version>.reprompt.txt} (what the model is told when its reply did not fit).
 * The version is recorded with every run, so a PRD can be traced to the words that produced it.
 */
record Prompt(String version, String system, String reprompt) {

  private static final String FOLDER = "productdefinition/prompts/";

  static Prompt load(String version) {
    if (!version.matches("[a-z0-9][a-z0-9.-]*")) {
      throw new IllegalArgumentException(
          "refinery.agent.llm.prompt must name a prompt version, not '" + version + "'");
    }
    return new Prompt(version, read(version + ".system.txt"), read(version + ".reprompt.txt"));
  }

  /** The message that asks the model to correct its reply, quoting what was wrong with it. */
  String reprompt(List<String> problems) {
    return reprompt.replace("{{problems}}", "- " + String.join("\n- ", problems));
  }

  private static String read(String name) {
    try {
      return ClasspathResources.text(FOLDER + name).strip();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("no prompt " + FOLDER + name + " on the class path", e);
    }
  }
}
