/** The taskmanagement context's inbound messages. */
package dev.refinery.taskmanagement.interfaces.messaging;
