package dev.refinery.shared.monitoring;

import java.util.List;

/** Where the event log's lines are kept. */
public interface EventLogStore {

  /** Writes a batch of lines in a transaction of its own (monitoring never joins the caller's). */
  void append(List<MessageRecord> lines);

  /** The lines that match, in the order things happened, at most {@code limit}. */
  List<MessageRecord> find(EventLog.Filter filter, int limit);
}
