/**
 * Which context subscribes to which message type, and when dispatch opens (after all have
 * subscribed).
 */
package dev.refinery.shared.infrastructure.messaging.routing;
