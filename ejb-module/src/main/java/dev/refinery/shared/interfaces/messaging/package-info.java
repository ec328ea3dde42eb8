/** The broker's dead-letter queue, drained into the dead-letter table operators work from. */
package dev.refinery.shared.interfaces.messaging;
