package dev.refinery.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an application opens through a pooled connection's session is closed with the connection,
 * not left in the physical session (whose producer list the RabbitMQ JMS client keeps until each is
 * closed: the hour's soak found 86,000 of them after 28 minutes).
 */
class OpenedThroughTest {

  private final List<String> closed = new ArrayList<>();

  @Test
  void producersOpenedThroughTheSessionAreClosedWithTheConnection() throws Exception {
    OpenedThrough opened = new OpenedThrough();
    Session session = SessionHandle.wrap(physicalSession(), null, opened);

    session.createProducer(null);
    session.createProducer(null);
    session.createTextMessage("not a resource");

    assertThat(opened.size()).as("two producers, not the message").isEqualTo(2);
    assertThat(closed).isEmpty();

    opened.closeAll();

    assertThat(closed).containsExactly("producer 1", "producer 2");
    assertThat(opened.size()).isZero();
  }

  @Test
  void oneThatFailsToCloseDoesNotKeepTheOthersOpen() {
    OpenedThrough opened = new OpenedThrough();
    opened.add(() -> closed.add("first"));
    opened.add(
        () -> {
          throw new IllegalStateException("the channel is gone");
        });
    opened.add(() -> closed.add("third"));

    opened.closeAll();

    assertThat(closed).containsExactly("first", "third");
    assertThat(opened.size()).isZero();
  }

  /** A physical session whose producers record their close. */
  private Session physicalSession() {
    int[] made = {0};
    return (Session)
        Proxy.newProxyInstance(
            Session.class.getClassLoader(),
            new Class<?>[] {Session.class},
            (self, method, args) ->
                switch (method.getName()) {
                  case "createProducer" -> producer("producer " + ++made[0]);
                  case "createTextMessage" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private MessageProducer producer(String name) {
    return (MessageProducer)
        Proxy.newProxyInstance(
            MessageProducer.class.getClassLoader(),
            new Class<?>[] {MessageProducer.class},
            (self, method, args) -> {
              if (method.getName().equals("close")) {
                closed.add(name);
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
