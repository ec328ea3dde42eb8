/** The humaninteraction context's inbound messages. */
package dev.refinery.humaninteraction.interfaces.messaging;
