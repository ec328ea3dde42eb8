package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadDigestTest {

  private static final String DUMP =
      """
      12345:
      2026-12-07 15:42:56
      Full thread dump OpenJDK 64-Bit Server VM (25+36-LTS mixed mode, sharing):

      "refinery-worker-1" #81 daemon prio=5 os_prio=0 cpu=12.00ms tid=0x1 nid=0x2 waiting on condition
         java.lang.Thread.State: TIMED_WAITING (parking)
      \tat jdk.internal.misc.Unsafe.park(java.base@25/Native Method)
      \tat java.util.concurrent.locks.LockSupport.parkNanos(java.base@25/LockSupport.java:271)
      \tat com.sun.enterprise.resource.pool.ConnectionPool.getResource(ConnectionPool.java:400)
      \tat dev.refinery.shared.infrastructure.messaging.inbox.JdbcInbox.firstDelivery(JdbcInbox.java:30)
      \tat dev.refinery.shared.infrastructure.messaging.jms.JmsInbound.onMessage(JmsInbound.java:80)

      "refinery-worker-2" #82 daemon prio=5 os_prio=0 cpu=12.00ms tid=0x1 nid=0x3 waiting on condition
         java.lang.Thread.State: TIMED_WAITING (parking)
      \tat jdk.internal.misc.Unsafe.park(java.base@25/Native Method)
      \tat java.util.concurrent.locks.LockSupport.parkNanos(java.base@25/LockSupport.java:271)
      \tat com.sun.enterprise.resource.pool.ConnectionPool.getResource(ConnectionPool.java:400)
      \tat dev.refinery.shared.infrastructure.messaging.inbox.JdbcInbox.firstDelivery(JdbcInbox.java:30)

      "agent-1" #90 daemon prio=5 os_prio=0 cpu=1.00ms tid=0x1 nid=0x4 runnable
         java.lang.Thread.State: RUNNABLE
      \tat dev.refinery.productdefinition.infrastructure.agent.OfflinePrdWriter.write(OfflinePrdWriter.java:10)

      "GC Thread#0" os_prio=0 cpu=5.00ms tid=0x1 nid=0x5 runnable

      "http-thread-1" #95 daemon prio=5 os_prio=0 tid=0x1 nid=0x6 waiting on condition
         java.lang.Thread.State: WAITING (parking)
      \tat jdk.internal.misc.Unsafe.park(java.base@25/Native Method)
      """;

  @Test
  void groupsTheThreadsInRefinerysCodeBiggestFirst() {
    assertThat(ThreadDigest.of(DUMP, 5))
        .isEqualTo(
            "5 threads, 3 in Refinery's code: 2× TIMED_WAITING in Unsafe.park from"
                + " shared.infrastructure.messaging.inbox.JdbcInbox.firstDelivery; 1× RUNNABLE in"
                + " productdefinition.infrastructure.agent.OfflinePrdWriter.write");
  }

  @Test
  void keepsOnlyAsManyGroupsAsAsked() {
    assertThat(ThreadDigest.of(DUMP, 1)).endsWith("JdbcInbox.firstDelivery");
  }

  @Test
  void saysWhatCameInsteadOfADump() {
    assertThat(
            ThreadDigest.of("12345:\ncom.sun.tools.attach.AttachNotSupportedException: gone\n", 3))
        .isEqualTo(
            "no threads in the dump (com.sun.tools.attach.AttachNotSupportedException: gone)");
  }
}
