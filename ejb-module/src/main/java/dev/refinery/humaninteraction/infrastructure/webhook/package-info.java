/** The webhook receiver, over HTTP with an HMAC signature. */
package dev.refinery.humaninteraction.infrastructure.webhook;
