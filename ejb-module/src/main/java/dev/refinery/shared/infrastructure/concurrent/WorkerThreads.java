package dev.refinery.shared.infrastructure.concurrent;

/**
 * The application's own managed executor ({@code server-config/asadmin/resources.asadmin}), for the
 * outbox relay, the scanner, the poller with its agent runs, and the detector: Payara's default one
 * runs two tasks at a time, and a relay waiting on the broker plus one more task held the agents
 * back (seen in the container tests).
 */
public final class WorkerThreads {

  public static final String NAME = "concurrent/refinery";

  private WorkerThreads() {}
}
