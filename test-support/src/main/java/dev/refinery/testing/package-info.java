/**
 * What the container tests and the EAR's tests share: an HTTP client that signs in, and tasks to
 * wait for.
 */
package dev.refinery.testing;
