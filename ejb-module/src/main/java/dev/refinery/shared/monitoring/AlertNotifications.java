package dev.refinery.shared.monitoring;

import dev.refinery.shared.infrastructure.management.ApplicationCalls;
import dev.refinery.shared.infrastructure.management.Jmx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanNotificationInfo;
import javax.management.NotCompliantMBeanException;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.StandardEmitterMBean;

/**
 * {@code dev.refinery:type=Alerts}: the open alerts as an attribute, and a JMX notification for
 * every alert raised ({@value #RAISED}) or cleared ({@value #CLEARED}), its user data the alert's
 * fields.
 */
@ApplicationScoped
public class AlertNotifications {

  public static final String RAISED = "refinery.alert.raised";
  public static final String CLEARED = "refinery.alert.cleared";
  static final ObjectName NAME = Jmx.name("type=Alerts");

  @Inject Alerts alerts;

  @Inject ApplicationCalls calls;

  private final AtomicLong sequence = new AtomicLong();
  private final NotificationBroadcasterSupport emitter =
      new NotificationBroadcasterSupport(
          new MBeanNotificationInfo(
              new String[] {RAISED, CLEARED}, Notification.class.getName(), "Refinery alerts"));

  void register(@Observes Startup startup) throws NotCompliantMBeanException {
    AlertsMXBean open =
        new AlertsMXBean() {
          @Override
          public String[] getOpenAlerts() {
            return alerts.open().stream()
                .map(
                    alert ->
                        alert.kind()
                            + ": "
                            + alert.summary()
                            + " (task "
                            + alert.taskId()
                            + ", since "
                            + alert.raisedAt()
                            + ")")
                .toArray(String[]::new);
          }

          @Override
          public int getOpenAlertCount() {
            return alerts.open().size();
          }
        };
    Jmx.register(
        new StandardEmitterMBean(
            Jmx.inApplication(open, AlertsMXBean.class, calls), AlertsMXBean.class, true, emitter),
        NAME);
  }

  @PreDestroy
  void unregister() {
    Jmx.unregister(NAME);
  }

  void send(Alert alert, boolean raised) {
    Notification notification =
        new Notification(
            raised ? RAISED : CLEARED, NAME, sequence.incrementAndGet(), alert.summary());
    Map<String, String> data = new LinkedHashMap<>();
    data.put("condition", alert.condition());
    data.put("kind", alert.kind());
    data.put("taskId", alert.taskId());
    data.put("messageId", alert.messageId() == null ? null : alert.messageId().toString());
    notification.setUserData(data);
    emitter.sendNotification(notification);
  }
}
