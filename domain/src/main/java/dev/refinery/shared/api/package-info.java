/** Value types every context's published language may use. */
package dev.refinery.shared.api;
