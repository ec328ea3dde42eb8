/** Task Management's use cases: each public method of a boundary is one transaction. */
package dev.refinery.taskmanagement.application;
