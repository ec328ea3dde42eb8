package dev.refinery.shared.infrastructure.management;

import org.eclipse.microprofile.metrics.Metadata;

/**
 * Every {@code refinery_*} metric Refinery registers, with the HELP text {@code /metrics} gives it:
 * the one place that says what each figure means. (The submission counter is declared with its
 * description on {@code Requests.submit}.)
 */
public enum RefineryMetric {
  MESSAGES(
      "refinery.messages",
      "Messages published and consumed, by direction, message type and outcome"),
  MESSAGE_DURATION(
      "refinery.message.duration",
      "Time to publish a message (into the outbox) or to consume it, by direction and type"),
  MONITORING_FAILURES(
      "refinery.monitoring.failures",
      "Monitored calls the monitor could not read (a method that broke its declared shape)"),
  MONITORING_DROPPED(
      "refinery.monitoring.dropped", "Event log lines given up after repeated write failures"),
  ALERTS("refinery.alerts", "Alerts raised and cleared, by kind and state"),
  ALERTS_OPEN("refinery.alerts.open", "Alerts open now"),
  OUTBOX_BACKLOG(
      "refinery.outbox.backlog", "Messages in the outbox not yet confirmed by the broker"),
  OUTBOX_OLDEST(
      "refinery.outbox.oldest.seconds", "Age in seconds of the oldest message in the outbox"),
  DEAD_LETTERS(
      "refinery.dead.letters", "Dead letters waiting for an operator to replay or discard them"),
  SCHEDULING_RUNS(
      "refinery.scheduling.runs",
      "Cycles run by each background work on this instance (scanner, poller, detector, ...)"),
  RETENTION_DELETED(
      "refinery.retention.deleted",
      "Rows the retention job deleted on this instance, by table (event_log, inbox, audit_entry)"),
  AGENT_IN_FLIGHT("refinery.agent.in.flight", "Agent runs in progress on this instance"),
  AGENT_COST(
      "refinery.agent.cost.usd",
      "Estimated cost in US dollars of this instance's agent runs since it started"),
  AGENT_RUNS("refinery.agent.runs", "Agent runs finished, by agent and outcome"),
  AGENT_TOKENS(
      "refinery.agent.tokens",
      "Tokens sent to and received from the model, by direction and model"),
  TASKS("refinery.tasks", "Tasks in each state"),
  TASKS_OLDEST("refinery.tasks.oldest.seconds", "Age in seconds of the task longest in each state"),
  TASKS_STALLED("refinery.tasks.stalled", "Workflows stalled past their limit now");

  private final String name;
  private final String help;
  private final Metadata metadata;

  RefineryMetric(String name, String help) {
    this.name = name;
    this.help = help;
    this.metadata = Metadata.builder().withName(name).withDescription(help).build();
  }

  /** The name as registered ({@code /metrics} writes it with underscores). */
  public String metricName() {
    return name;
  }

  public String help() {
    return help;
  }

  /**
   * What the registry is given: the name and the HELP text (built once: counters take it per
   * message).
   */
  public Metadata metadata() {
    return metadata;
  }
}
