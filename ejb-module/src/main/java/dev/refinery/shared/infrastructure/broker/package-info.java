/**
 * What the application reads of the broker itself (queue depths and consumers), through the
 * messaging resource adapter's MBean: no broker connection or credentials of its own.
 */
package dev.refinery.shared.infrastructure.broker;
