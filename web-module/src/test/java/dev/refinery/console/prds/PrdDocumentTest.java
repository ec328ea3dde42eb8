package dev.refinery.console.prds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.console.prds.PrdDocument.Kind;
import dev.refinery.console.prds.PrdDocument.Line;
import org.junit.jupiter.api.Test;

class PrdDocumentTest {

  @Test
  void prdBecomesTitleHeadingsParagraphsAndItemsInReadingOrder() {
    String json =
        """
        {"title":"Invoice export","originalRequest":"Export invoices","problemStatement":"Finance exports by hand.",
         "goals":["Save a day a month"],"personas":[{"name":"Fran","description":"finance clerk"}],
         "userStories":[{"id":"US-1","asA":"clerk","iWant":"a CSV","soThat":"I save time","priority":"P0",
           "acceptanceCriteria":[{"given":"a closed month","when":"the clerk exports it","then":"a CSV downloads"},
             "totals match the ledger"]}],
         "requirements":[],"assumptions":["CSV is enough"]}\
        """;

    assertThat(PrdDocument.lines(json))
        .containsExactly(
            new Line(Kind.TITLE, "Invoice export"),
            new Line(Kind.HEADING, "Original request"),
            new Line(Kind.PARAGRAPH, "Export invoices"),
            new Line(Kind.HEADING, "Problem"),
            new Line(Kind.PARAGRAPH, "Finance exports by hand."),
            new Line(Kind.HEADING, "Goals"),
            new Line(Kind.ITEM, "Save a day a month"),
            new Line(Kind.HEADING, "Personas"),
            new Line(Kind.ITEM, "Fran: finance clerk"),
            new Line(Kind.HEADING, "User stories"),
            new Line(Kind.ITEM, "US-1 (P0) As clerk, I want a CSV, so that I save time"),
            new Line(Kind.CRITERION, "Given a closed month"),
            new Line(Kind.CRITERION, "When the clerk exports it"),
            new Line(Kind.CRITERION, "Then a CSV downloads"),
            new Line(Kind.CRITERION, "totals match the ledger"),
            new Line(Kind.HEADING, "Assumptions"),
            new Line(Kind.ITEM, "CSV is enough"));
  }
}
