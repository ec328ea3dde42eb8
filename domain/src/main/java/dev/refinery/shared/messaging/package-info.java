/**
 * The message queue port the bounded contexts talk through (ADR-006): typed commands and domain
 * events, their headers, and the subscription callbacks. No transport here; the adapters live in
 * the EJB module.
 */
package dev.refinery.shared.messaging;
