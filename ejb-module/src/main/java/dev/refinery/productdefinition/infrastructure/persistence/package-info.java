/**
 * Product Definition's JPA adapters; they map only tables of the {@code productdefinition} schema.
 */
package dev.refinery.productdefinition.infrastructure.persistence;
