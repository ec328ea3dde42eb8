/**
 * Task Management's published language: the commands it accepts and the views and events it
 * publishes. Other contexts and the console may use these types; they carry ids and values, never
 * entities.
 */
package dev.refinery.taskmanagement.api;
