/** Console pages under {@code /console/tasks/}. */
package dev.refinery.console.tasks;
