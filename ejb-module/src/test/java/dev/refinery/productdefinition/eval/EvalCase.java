package dev.refinery.productdefinition.eval;

import dev.refinery.productdefinition.domain.reading.Quantity;
import dev.refinery.productdefinition.domain.reading.StatedRequest;
import dev.refinery.productdefinition.domain.reading.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One request of the evaluation set ({@code agent-eval/requests.json}), written by hand: the facts
 * a PRD must keep (a fact is kept when the PRD's own text has it; {@code a|b} accepts either), the
 * values it must not contradict, and the topics the request already states (a question about one is
 * redundant).
 */
record EvalCase(
    String id,
    String title,
    String description,
    List<String> facts,
    List<String> values,
    Set<Topic> stated) {

  static final String RESOURCE = "agent-eval/requests.json";

  static List<EvalCase> load() throws IOException {
    try (InputStream in = EvalCase.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("no " + RESOURCE + " on the class path");
      }
      try (JsonReader reader = Json.createReader(in)) {
        return reader.readArray().getValuesAs(JsonObject.class).stream().map(EvalCase::of).toList();
      }
    }
  }

  static EvalCase of(JsonObject json) {
    Set<Topic> stated = EnumSet.noneOf(Topic.class);
    for (JsonString topic : json.getJsonArray("stated").getValuesAs(JsonString.class)) {
      stated.add(
          Topic.byId(topic.getString())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          json.getString("id") + ": no topic '" + topic.getString() + "'")));
    }
    return new EvalCase(
        json.getString("id"),
        json.getString("title"),
        json.getString("description"),
        strings(json, "facts"),
        strings(json, "values"),
        Set.copyOf(stated));
  }

  /** The values as quantities; a value that is not a number with a unit is a mistake in the set. */
  List<Quantity> quantities() {
    return values.stream()
        .map(
            value -> {
              List<Quantity> read = StatedRequest.read("", value).quantities();
              if (read.size() != 1) {
                throw new IllegalArgumentException(
                    id + ": the value '" + value + "' is not one number with a unit");
              }
              return read.getFirst();
            })
        .toList();
  }

  private static List<String> strings(JsonObject json, String key) {
    return json.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
