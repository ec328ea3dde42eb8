/** Product Definition's published language: what it tells other contexts about agent work. */
package dev.refinery.productdefinition.api;
