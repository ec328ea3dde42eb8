/** Human Interaction's subscriptions. */
package dev.refinery.humaninteraction.interfaces.messaging;
