package dev.refinery.shared.monitoring;

/**
 * {@code dev.refinery:type=Alerts}: the open alerts; it also emits a notification per raise and
 * clear.
 */
public interface AlertsMXBean {

  /** Each open alert as "kind: summary (task, since)". */
  String[] getOpenAlerts();

  int getOpenAlertCount();
}
