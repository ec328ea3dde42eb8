package dev.refinery.productdefinition.eval;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation's output: a table per request, the totals against the targets, what was missed,
 * one JSON line.
 */
final class Report {

  private Report() {}

  static String of(String agent, List<Score> scores) {
    StringBuilder out = new StringBuilder();
    out.append("Refinery agent evaluation: the ")
        .append(agent)
        .append(" agent on ")
        .append(scores.size())
        .append(" requests (")
        .append(EvalCase.RESOURCE)
        .append("), questions answered with their recommendations\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%-24s %7s %6s %8s %6s %7s %6s %6s %6s %9s %8s%n",
            "request",
            "facts",
            "contra",
            "invented",
            "redund",
            "rounds",
            "valid",
            "calls",
            "tokens",
            "cost $",
            "ms"));
    int facts = 0;
    int kept = 0;
    int contradictions = 0;
    int invented = 0;
    int redundant = 0;
    int questions = 0;
    int rounds = 0;
    int invalid = 0;
    int failed = 0;
    int calls = 0;
    int reprompts = 0;
    long tokens = 0;
    long latency = 0;
    double cost = 0;
    for (Score score : scores) {
      facts += score.request.facts().size();
      kept += score.factsKept();
      contradictions += score.contradictions.size();
      invented += score.invented.size();
      redundant += score.redundant.size();
      questions += score.questions;
      rounds += score.rounds;
      invalid += score.prdWritten && !score.valid ? 1 : 0;
      failed += score.failure != null ? 1 : 0;
      calls += score.calls;
      reprompts += Math.max(0, score.calls - (score.rounds + (score.prdWritten ? 1 : 0)));
      tokens += score.tokensIn + score.tokensOut;
      latency += score.latencyMillis;
      cost += score.costUsd;
      out.append(
          String.format(
              Locale.ROOT,
              "%-24s %3d/%-3d %6d %8d %6s %7d %6s %6d %6d %9.4f %8d%n",
              score.request.id(),
              score.factsKept(),
              score.request.facts().size(),
              score.contradictions.size(),
              score.invented.size(),
              score.redundant.size() + "/" + score.questions,
              score.rounds,
              score.failure != null ? "FAILED" : score.valid ? "yes" : "NO",
              score.calls,
              score.tokensIn + score.tokensOut,
              score.costUsd,
              score.latencyMillis));
    }
    double keptShare = facts == 0 ? 1 : (double) kept / facts;
    out.append(
        String.format(
            Locale.ROOT,
            "%nfacts kept           %d of %d (%.1f %%)   target >= 90 %%   %s%n",
            kept,
            facts,
            100 * keptShare,
            keptShare >= 0.9 ? "met" : "MISSED"));
    out.append(
        String.format(
            Locale.ROOT,
            "contradicted values  %d   target 0   %s%n",
            contradictions,
            contradictions == 0 ? "met" : "MISSED"));
    out.append(
        String.format(
            Locale.ROOT,
            "redundant questions  %d of %d asked   target 0   %s%n",
            redundant,
            questions,
            redundant == 0 ? "met" : "MISSED"));
    out.append(
        String.format(
            Locale.ROOT,
            "PRDs valid           %d of %d   target all   %s%n",
            scores.size() - invalid - failed,
            scores.size(),
            invalid + failed == 0 ? "met" : "MISSED"));
    out.append(
        String.format(
            Locale.ROOT,
            "invented numbers     %d   (numbers for things the request gives none for)%n",
            invented));
    out.append(
        String.format(
            Locale.ROOT,
            "rounds of questions  %d   model calls %d, re-prompts %d, tokens %d, cost $%.4f,"
                + " latency %d ms%n",
            rounds,
            calls,
            reprompts,
            tokens,
            cost,
            latency));
    StringBuilder details = new StringBuilder();
    for (Score score : scores) {
      if (score.failure != null) {
        details
            .append("  ")
            .append(score.request.id())
            .append(": failed: ")
            .append(score.failure)
            .append('\n');
      }
      score.missedFacts.forEach(
          f ->
              details
                  .append("  ")
                  .append(score.request.id())
                  .append(": fact not kept: ")
                  .append(f)
                  .append('\n'));
      score.contradictions.forEach(
          c -> details.append("  ").append(score.request.id()).append(": ").append(c).append('\n'));
      score.invented.forEach(
          i ->
              details
                  .append("  ")
                  .append(score.request.id())
                  .append(": invented: ")
                  .append(i)
                  .append('\n'));
      score.redundant.forEach(
          r ->
              details
                  .append("  ")
                  .append(score.request.id())
                  .append(": redundant question ")
                  .append(r)
                  .append('\n'));
    }
    if (!details.isEmpty()) {
      out.append("\nwhat was missed:\n").append(details);
    }
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("agent", agent)
            .add("requests", scores.size())
            .add("facts", facts)
            .add("factsKept", kept)
            .add("factsKeptShare", Math.round(keptShare * 1000) / 1000.0)
            .add("contradictions", contradictions)
            .add("inventedNumbers", invented)
            .add("questions", questions)
            .add("redundantQuestions", redundant)
            .add("rounds", rounds)
            .add("invalidPrds", invalid)
            .add("failedRuns", failed)
            .add("modelCalls", calls)
            .add("reprompts", reprompts)
            .add("tokens", tokens)
            .add("costUsd", cost)
            .add("latencyMs", latency);
    out.append('\n').append(json.build()).append('\n');
    return out.toString();
  }
}
