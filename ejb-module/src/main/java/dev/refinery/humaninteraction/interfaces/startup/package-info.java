/** Human Interaction's start-up work. */
package dev.refinery.humaninteraction.interfaces.startup;
