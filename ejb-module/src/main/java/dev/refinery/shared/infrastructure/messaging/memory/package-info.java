/** The in-memory adapter for unit tests: the same contract as production, without a broker. */
package dev.refinery.shared.infrastructure.messaging.memory;
