package dev.refinery.console.prds;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A PRD (the agent's JSON, see prd.schema.json) as the lines of a document: headings, paragraphs
 * and list items, in the order a reader expects. The same lines are what revisions are compared on.
 */
public final class PrdDocument {

  /** One line of the document; the page styles it by kind. */
  public record Line(Kind kind, String text) {}

  /** How a line is shown. */
  public enum Kind {
    TITLE,
    HEADING,
    PARAGRAPH,
    ITEM,
    /** A step of a user story's acceptance criterion: Given, When or Then. */
    CRITERION
  }

  private PrdDocument() {}

  public static List<Line> lines(String json) {
    JsonObject prd = Json.createReader(new StringReader(json)).readObject();
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(Kind.TITLE, prd.getString("title", "Untitled")));
    paragraph(lines, "Original request", prd.getString("originalRequest", ""));
    paragraph(lines, "Problem", prd.getString("problemStatement", ""));
    items(lines, "Goals", prd, "goals", null);
    items(
        lines,
        "Personas",
        prd,
        "personas",
        o -> o.getString("name", "") + ": " + o.getString("description", ""));
    stories(lines, prd);
    items(
        lines,
        "Requirements",
        prd,
        "requirements",
        o ->
            o.getString("id", "")
                + " ("
                + o.getString("priority", "")
                + ") "
                + o.getString("text", ""));
    items(
        lines,
        "Non-functional requirements",
        prd,
        "nonFunctionalRequirements",
        o ->
            o.getString("id", "")
                + " "
                + o.getString("category", "")
                + ": "
                + o.getString("requirement", "")
                + " ("
                + o.getString("metric", "")
                + ": "
                + o.getString("target", "")
                + ")");
    items(
        lines,
        "Clarifications",
        prd,
        "clarifications",
        o ->
            "Round "
                + o.getInt("round", 0)
                + ": "
                + o.getString("question", "")
                + " → "
                + o.getString("answer", ""));
    items(lines, "Assumptions", prd, "assumptions", null);
    items(lines, "Out of scope", prd, "outOfScope", null);
    items(lines, "Open questions", prd, "openQuestions", null);
    items(
        lines,
        "Risks",
        prd,
        "risks",
        o -> o.getString("risk", "") + " (mitigation: " + o.getString("mitigation", "") + ")");
    items(lines, "Dependencies", prd, "dependencies", null);
    items(
        lines,
        "Success metrics",
        prd,
        "successMetrics",
        o -> o.getString("metric", "") + ": " + o.getString("target", ""));
    paragraph(lines, "Revision notes", prd.getString("revisionNotes", ""));
    return lines;
  }

  /** Each story as an item, each of its acceptance criteria as Given / When / Then lines. */
  private static void stories(List<Line> lines, JsonObject prd) {
    JsonArray stories = prd.getJsonArray("userStories");
    if (stories == null || stories.isEmpty()) {
      return;
    }
    lines.add(new Line(Kind.HEADING, "User stories"));
    for (JsonValue value : stories) {
      if (!(value instanceof JsonObject story)) {
        lines.add(new Line(Kind.ITEM, text(value)));
        continue;
      }
      lines.add(
          new Line(
              Kind.ITEM,
              story.getString("id", "")
                  + " ("
                  + story.getString("priority", "")
                  + ") As "
                  + story.getString("asA", "")
                  + ", I want "
                  + story.getString("iWant", "")
                  + ", so that "
                  + story.getString("soThat", "")));
      JsonArray criteria = story.getJsonArray("acceptanceCriteria");
      for (JsonValue criterion : criteria == null ? JsonValue.EMPTY_JSON_ARRAY : criteria) {
        if (criterion instanceof JsonObject given) {
          step(lines, "Given", given.getString("given", ""));
          step(lines, "When", given.getString("when", ""));
          step(lines, "Then", given.getString("then", ""));
        } else {
          lines.add(new Line(Kind.CRITERION, text(criterion))); // a criterion written as a sentence
        }
      }
    }
  }

  private static void step(List<Line> lines, String keyword, String text) {
    if (!text.isBlank()) {
      lines.add(new Line(Kind.CRITERION, keyword + " " + text.strip()));
    }
  }

  private static void paragraph(List<Line> lines, String heading, String text) {
    if (!text.isBlank()) {
      lines.add(new Line(Kind.HEADING, heading));
      lines.add(new Line(Kind.PARAGRAPH, text.strip()));
    }
  }

  private static void items(
      List<Line> lines,
      String heading,
      JsonObject prd,
      String field,
      java.util.function.Function<JsonObject, String> format) {
    JsonArray array = prd.getJsonArray(field);
    if (array == null || array.isEmpty()) {
      return;
    }
    lines.add(new Line(Kind.HEADING, heading));
    for (JsonValue value : array) {
      lines.add(
          new Line(
              Kind.ITEM,
              value instanceof JsonObject object && format != null
                  ? format.apply(object)
                  : text(value)));
    }
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : value.toString();
  }
}
