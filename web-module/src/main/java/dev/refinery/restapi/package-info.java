/**
 * The REST API under {@code /api}: like the console, an edge over the contexts' use cases. Requests
 * and decisions go to Human Interaction (which turns them into commands, hence 202 Accepted); reads
 * come from each context's own query boundary.
 */
package dev.refinery.restapi;
