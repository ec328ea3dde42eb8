/** Chooses the adapter by configuration and makes the shared helpers available to CDI. */
package dev.refinery.shared.infrastructure.messaging.setup;
