/**
 * Operators' JMX edge: naming and registering MBeans, and running their calls in the application's
 * context. A leaf: it knows no context and nothing else of {@code shared}.
 */
package dev.refinery.shared.infrastructure.management;
