/**
 * Task Management's model: the {@link dev.refinery.taskmanagement.domain.Task} aggregate owns the
 * lifecycle.
 */
package dev.refinery.taskmanagement.domain;
