/** Task Management over HTTP: requests in, tasks out. */
package dev.refinery.taskmanagement.interfaces.rest;
