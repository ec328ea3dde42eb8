package dev.refinery.humaninteraction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.humaninteraction.api.Remind;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given a task waiting on people, when they are told, then which inbox and what it says. */
class NoticesTest {

  private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-0000000000c2");

  @Test
  void questionsGoToTheRequesterOncePerRound() {
    Notice notice = Notices.clarification(TASK, 2, "ana", "Export");

    assertThat(notice)
        .extracting(Notice::recipient, Notice::kind, Notice::step)
        .containsExactly("ana", "CLARIFICATION", 2);
    assertThat(notice.subject()).isEqualTo("Questions about your request \"Export\"");
    assertThat(notice.body()).contains("POST /api/tasks/" + TASK + "/answers");
  }

  @Test
  void aPrdGoesToTheApproversInboxOncePerRevision() {
    Notice notice = Notices.review(TASK, 3, "ana", "Export");

    assertThat(notice)
        .extracting(Notice::recipient, Notice::kind, Notice::step)
        .containsExactly(Notices.APPROVERS, "PRD_REVIEW", 3);
    assertThat(notice.body()).startsWith("Requested by ana.");
  }

  @Test
  void aReminderAboutAReviewNamesTheRevision() {
    Notice notice =
        Notices.reminder(
            new Remind(TASK.toString(), "approvers", "REMINDER", "PRD_VALIDATION", 2, "Export"));

    assertThat(notice.kind()).isEqualTo("REVIEW_REMINDER");
    assertThat(notice.subject()).isEqualTo("Reminder: \"Export\" is waiting");
    assertThat(notice.body())
        .isEqualTo(
            "The task still waits for a review of PRD revision 2 of \"Export\""
                + " (PRD_VALIDATION, step 2).");
  }

  @Test
  void anEscalationAboutAnswersGoesToItsInbox() {
    Notice notice =
        Notices.reminder(
            new Remind(
                TASK.toString(), "operators", "ESCALATION", "CLARIFICATION_NEEDED", 1, "Export"));

    assertThat(notice)
        .extracting(Notice::recipient, Notice::kind)
        .containsExactly("operators", "CLARIFICATION_ESCALATION");
    assertThat(notice.body())
        .startsWith("Nobody has acted yet: the task waits for answers to the questions about");
  }
}
