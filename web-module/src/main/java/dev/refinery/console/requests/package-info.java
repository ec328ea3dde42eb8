/** Submitting a feature request. */
package dev.refinery.console.requests;
