package dev.refinery.rabbitmq;

import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TopicSubscriber;
import java.lang.reflect.Proxy;

/**
 * What a pooled session returns for a durable subscription it declared: a consumer that holds
 * nothing and receives nothing. Closing it keeps the subscription (its queue and binding), as JMS
 * says.
 */
final class DeclaredSubscription {

  private DeclaredSubscription() {}

  static MessageConsumer consumer() {
    return (MessageConsumer)
        Proxy.newProxyInstance(
            MessageConsumer.class.getClassLoader(),
            new Class<?>[] {TopicSubscriber.class},
            (self, method, args) ->
                switch (method.getName()) {
                  case "close" -> null;
                  case "equals" -> self == args[0];
                  case "hashCode" -> System.identityHashCode(self);
                  case "toString" -> "declared durable subscription";
                  case "receive",
                      "receiveNoWait",
                      "receiveBody",
                      "getMessageListener",
                      "getMessageSelector" ->
                      null;
                  case "getNoLocal" -> false;
                  default ->
                      throw new IllegalStateException(
                          "A pooled connection declares subscriptions; message-driven beans consume"
                              + " them");
                });
  }
}
