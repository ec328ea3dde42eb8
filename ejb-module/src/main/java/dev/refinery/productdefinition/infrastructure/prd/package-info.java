/** PRDs as JSON: the schema every PRD is checked against before it is stored. */
package dev.refinery.productdefinition.infrastructure.prd;
