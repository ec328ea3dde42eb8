/** The built-in offline Product Manager agent: rules, no network, the same answer every time. */
package dev.refinery.productdefinition.infrastructure.agent;
