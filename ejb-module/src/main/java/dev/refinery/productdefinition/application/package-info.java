/**
 * Product Definition's use cases: the agents' work queue, the Task Polling Service, PRD versions.
 */
package dev.refinery.productdefinition.application;
