/** Human Interaction's timer: webhook posts that are due. */
package dev.refinery.humaninteraction.interfaces.scheduling;
