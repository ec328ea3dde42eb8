package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetterStore;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * What comes off the broker is read as plain bytes and JSON, never through Java deserialization.
 */
final class WireFormatChecks {

  static final String CANARY_LOADED = "refinery.it.serialization-canary-loaded";

  /** Named as a string only: a class literal here could initialize it. */
  private static final String CANARY = "dev.refinery.SerializationCanary";

  private final ConnectionFactory connections;
  private final DeadLetterStore deadLetters;

  WireFormatChecks(ConnectionFactory connections, DeadLetterStore deadLetters) {
    this.connections = connections;
    this.deadLetters = deadLetters;
  }

  /**
   * A body in the RabbitMQ JMS client's own serialized form naming a class of the sender's
   * choosing, and a Java-serialized object of that class: in JMS mode the client would initialize
   * the class to read the first. Both become dead letters saying why, and the class was never
   * initialized.
   */
  void javaSerializedPayloadIsRefusedWithoutLoadingItsClass() throws Exception {
    assertThat(System.getProperty(CANARY_LOADED)).as("the canary before the test").isNull();
    String task = UUID.randomUUID().toString();
    ByteArrayOutputStream jmsClientForm = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(jmsClientForm)) {
      out.writeUTF(
          CANARY); // the JMS client reads the message class name first, then instantiates it
      out.writeUTF("ID:" + UUID.randomUUID());
      out.writeInt(0);
      out.writeInt(0);
    }
    ByteArrayOutputStream serializedObject = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(serializedObject)) {
      out.writeObject(
          java.util.List.of(CANARY)); // an object stream, as an ObjectMessage body would be
    }
    send(task, jmsClientForm.toByteArray());
    send(task, serializedObject.toByteArray());

    List<DeadLetterStore.Stored> letters = awaitDeadLetters(task, 2);
    assertThat(letters)
        .allSatisfy(
            stored -> {
              assertThat(stored.deadLetter().failure().exceptionClass())
                  .contains("MalformedMessageException");
              assertThat(stored.deadLetter().failure().message()).contains("not a CreateTask");
              assertThat(stored.deadLetter().message().body())
                  .startsWith("base64:rO0AB"); // kept as it came
            });
    assertThat(System.getProperty(CANARY_LOADED))
        .as("the class the payload named was initialized")
        .isNull();

    Class.forName(CANARY, true, Thread.currentThread().getContextClassLoader());
    assertThat(System.getProperty(CANARY_LOADED))
        .as("the canary marks its initialization")
        .isEqualTo("true");
  }

  private void send(String task, byte[] body) throws Exception {
    try (Connection connection = connections.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      BytesMessage message = session.createBytesMessage();
      message.writeBytes(body);
      message.setJMSCorrelationID(task);
      message.setStringProperty("messageId", UUID.randomUUID().toString());
      message.setStringProperty("type", "taskmanagement.CreateTask");
      session.createProducer(session.createQueue("refinery.taskmanagement")).send(message);
    }
  }

  private List<DeadLetterStore.Stored> awaitDeadLetters(String task, int expected) {
    return await(expected + " dead letters for " + task)
        .atMost(Duration.ofSeconds(60))
        .until(() -> deadLetters.byCorrelation(task), letters -> letters.size() >= expected);
  }
}
