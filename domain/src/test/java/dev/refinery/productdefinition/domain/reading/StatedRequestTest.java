package dev.refinery.productdefinition.domain.reading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.productdefinition.domain.reading.Quantity.Dimension;
import org.junit.jupiter.api.Test;

/** Given a request (none of them in the evaluation set), when it is read, then what it states. */
class StatedRequestTest {

  @Test
  void peopleItNamesAreItsAudienceAndTheTeamIsKeptByItsName() {
    StatedRequest read =
        StatedRequest.read(
            "Route planning",
            "Dispatchers plan routes on paper. Logistics wants drivers to see their route on a"
                + " tablet, and our night dispatchers need to reassign stops.");

    assertThat(read.audiences())
        .containsExactly("dispatchers", "Logistics", "drivers", "night dispatchers");
    assertThat(read.topics()).contains(Topic.WHO);
  }

  @Test
  void aVerbAtTheStartIsNotATeam() {
    assertThat(
            StatedRequest.read("Support right-to-left languages", "Arabic text is shown backwards.")
                .audiences())
        .isEmpty();
  }

  @Test
  void onlyRestrictedToAndLimitedToRestrictTheFeature() {
    assertThat(
            StatedRequest.read("Rent ledger", "The ledger is visible to landlords only.")
                .restrictedTo())
        .containsExactly("landlords");
    assertThat(StatedRequest.read("Payouts", "Only admins can start a payout.").restrictedTo())
        .containsExactly("admins");
    assertThat(
            StatedRequest.read("Exam marks", "Editing marks is limited to senior reviewers.")
                .restrictedTo())
        .containsExactly("senior reviewers");
  }

  @Test
  void numbersThatBelongTogetherAreOneTargetInTheRequestsWords() {
    StatedRequest read =
        StatedRequest.read(
            "Quote lookup", "Lookups must answer within 250 ms for 1,000 concurrent users.");

    assertThat(read.targets())
        .singleElement()
        .satisfies(
            target -> {
              assertThat(target.text()).isEqualTo("within 250 ms for 1,000 concurrent users");
              assertThat(target.quantities())
                  .extracting(Quantity::dimension, Quantity::value, Quantity::unit)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple(Dimension.TIME, 0.25, "s"),
                      org.assertj.core.groups.Tuple.tuple(Dimension.COUNT, 1000.0, "user"));
            });
    assertThat(read.topics()).contains(Topic.MEASURE);
  }

  @Test
  void unitsAreComparedInTheirDimensionsBaseUnit() {
    Quantity tenSeconds = only("It takes 10 s.");
    assertThat(tenSeconds.sameAs(only("It takes 10 seconds."))).isTrue();
    assertThat(tenSeconds.sameAs(only("It takes 10 minutes."))).isFalse();
    assertThat(only("Files up to 3 GB.").value()).isEqualTo(3e9);
    assertThat(only("Keep 99.5% of them."))
        .extracting(Quantity::dimension, Quantity::value)
        .containsExactly(Dimension.PERCENT, 99.5);
    assertThat(only("It costs €20 per month."))
        .extracting(Quantity::dimension, Quantity::value, Quantity::unit)
        .containsExactly(Dimension.MONEY, 20.0, "EUR");
    assertThat(only("Load 2.5 million rows."))
        .extracting(Quantity::value, Quantity::unit)
        .containsExactly(2.5e6, "row");
    assertThat(only("Live by 1 July 2027.").dimension()).isEqualTo(Dimension.DATE);
  }

  @Test
  void countsOfDifferentThingsDoNotCompare() {
    assertThat(only("Up to 5 users.").comparableTo(only("Up to 5 invoices."))).isFalse();
    assertThat(only("Up to 5 users.").comparableTo(only("At least 1 user."))).isTrue();
  }

  @Test
  void clockTimesAndVersionsAreNotQuantities() {
    assertThat(
            StatedRequest.read("Digest", "Send it at 3 pm over OAuth 2.0 and SAML 2.0.")
                .quantities())
        .isEmpty();
  }

  @Test
  void modalAndInstructionSentencesAreObligationsTheTitleAndExclusionsAreNot() {
    StatedRequest read =
        StatedRequest.read(
            "Add a loyalty card",
            "Cashiers should scan the card at checkout."
                + " Award one point per euro. Printing cards is out of scope. The shop is busy.");

    assertThat(read.obligations())
        .containsExactly("Cashiers should scan the card at checkout.", "Award one point per euro.");
    assertThat(read.exclusions()).containsExactly("Printing cards is out of scope.");
  }

  @Test
  void anEnumerationKeepsEveryItemAndStartsAtItsNearestLeadWord() {
    StatedRequest read =
        StatedRequest.read(
            "Payments report",
            "A list of the payments of a week, with date, amount, payee"
                + " and reference. Contacts showing name, email and phone.");

    assertThat(read.enumerations())
        .extracting(StatedRequest.Enumeration::lead, StatedRequest.Enumeration::items)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "with", java.util.List.of("date", "amount", "payee", "reference")),
            org.assertj.core.groups.Tuple.tuple(
                "showing", java.util.List.of("name", "email", "phone")));
  }

  @Test
  void standardsAndRegulationsAreNamedAsWritten() {
    assertThat(
            StatedRequest.read(
                    "Card payments",
                    "Card data must follow PCI DSS; hosting must be ISO 27001 certified and"
                        + " sessions use OIDC.")
                .standards())
        .containsExactly("PCI DSS", "ISO 27001", "OIDC");
  }

  @Test
  void topicsAreWhatTheRequestCovers() {
    assertThat(StatedRequest.read("Better search", "").topics()).isEmpty();
    assertThat(
            StatedRequest.read(
                    "Bank feeds",
                    "Bookkeepers retype bank statements by hand, so that month-end closes a day"
                        + " earlier we import them.")
                .topics())
        .containsExactlyInAnyOrder(Topic.WHO, Topic.PROBLEM, Topic.OUTCOME);
  }

  @Test
  void aQuestionsTopicComesFromItsIdOrElseItsWords() {
    assertThat(Topic.of("who", "Anything")).contains(Topic.WHO);
    assertThat(Topic.of("q1", "Which teams will use it?")).contains(Topic.WHO);
    assertThat(Topic.of("q2", "How will success be measured?")).contains(Topic.MEASURE);
    assertThat(Topic.of("format", "Should users be able to pick the file format?")).isEmpty();
  }

  private static Quantity only(String sentence) {
    return org.assertj.core.api.Assertions.assertThat(StatedRequest.read("", sentence).quantities())
        .hasSize(1)
        .actual()
        .getFirst();
  }
}
