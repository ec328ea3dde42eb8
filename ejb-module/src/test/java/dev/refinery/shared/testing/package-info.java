/**
 * Stand-ins for unit tests of use cases: a message queue that records, a clock a test moves,
 * callers of each role.
 */
package dev.refinery.shared.testing;
