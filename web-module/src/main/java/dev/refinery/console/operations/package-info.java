/** Operators: dead letters, failed tasks, alerts and the audit log. */
package dev.refinery.console.operations;
