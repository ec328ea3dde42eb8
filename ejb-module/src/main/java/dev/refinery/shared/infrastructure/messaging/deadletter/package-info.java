/**
 * A failed delivery: retried later along the retry ladder, or given up and kept as a dead letter
 * with its reason.
 */
package dev.refinery.shared.infrastructure.messaging.deadletter;
