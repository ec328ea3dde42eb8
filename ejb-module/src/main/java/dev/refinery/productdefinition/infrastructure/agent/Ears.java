package dev.refinery.productdefinition.infrastructure.agent;

import dev.refinery.productdefinition.domain.reading.StatedRequest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a sentence of the request that obliges ("must", "needs to", an instruction) into the
 * response of an EARS requirement, keeping the request's words: "Must finish within 10 seconds"
 * gives "finish within 10 seconds", "Agents need to sign in with TOTP" gives "let agents sign in
 * with TOTP", "Exports should include a header" gives "ensure that exports will include a header".
 */
final class Ears {

  private static final Pattern MODAL =
      Pattern.compile(
          "(?i)\\b(must|shall|should|will need to|needs? to|has to|have to|(?:is|are) required"
              + " to|wants? to|would like to|needs?|wants?|would like|asks? for|requires?)\\s+");
  private static final Pattern ITSELF =
      Pattern.compile("(?i)^(?:it|this|that|the system|the feature|the app|the product|we)?$");
  private static final Pattern PEOPLE =
      Pattern.compile("(?i)\\b(we|I|they|people|everyone|anyone|someone|users?|customers?)\\b");

  private Ears() {}

  static String response(String sentence, StatedRequest stated) {
    String text = sentence.strip().replaceFirst("[.;!]+$", "");
    Matcher modal = MODAL.matcher(text);
    if (!modal.find()) {
      return StatedRequest.instruction(text)
          ? OfflinePrdWriter.lower(text)
          : "ensure that " + OfflinePrdWriter.lower(text);
    }
    String subject = text.substring(0, modal.start()).strip();
    String rest = text.substring(modal.end()).strip().replaceFirst("(?i)^be able to\\s+", "");
    String verb = modal.group(1).toLowerCase(Locale.ROOT);
    if (!verb.endsWith(" to")
        && !verb.matches(
            "must|shall|should")) { // "Finance needs a CSV export ...": the thing needed
      return "provide " + rest;
    }
    if (ITSELF.matcher(subject).matches()) {
      return rest;
    }
    boolean people =
        PEOPLE.matcher(subject).find()
            || stated.audiences().stream()
                .anyMatch(
                    audience -> subject.toLowerCase(Locale.ROOT).contains(singular(audience)));
    return people
        ? "let " + OfflinePrdWriter.lower(subject) + " " + rest
        : "ensure that " + OfflinePrdWriter.lower(subject) + " will " + rest;
  }

  private static String singular(String audience) {
    String lower = audience.toLowerCase(Locale.ROOT);
    return lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
