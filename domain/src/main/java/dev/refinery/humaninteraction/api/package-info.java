/** Human Interaction's published language: the notifications other contexts ask it to send. */
package dev.refinery.humaninteraction.api;
