/**
 * Human Interaction's JPA adapters; they map only tables of the {@code humaninteraction} schema.
 */
package dev.refinery.humaninteraction.infrastructure.persistence;
