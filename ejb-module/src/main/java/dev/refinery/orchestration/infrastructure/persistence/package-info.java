/** Orchestration's JPA adapters; they map only tables of the {@code orchestration} schema. */
package dev.refinery.orchestration.infrastructure.persistence;
