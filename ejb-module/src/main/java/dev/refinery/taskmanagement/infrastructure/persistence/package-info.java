/** Task Management's JPA adapters; they map only tables of the {@code taskmanagement} schema. */
package dev.refinery.taskmanagement.infrastructure.persistence;
