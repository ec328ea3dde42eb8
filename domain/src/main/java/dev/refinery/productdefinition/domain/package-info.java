/**
 * Product Definition's model: the PRD, the {@link
 * dev.refinery.productdefinition.domain.ProductManagerAgent} port and what an agent is asked and
 * answers.
 */
package dev.refinery.productdefinition.domain;
