/** Product Definition's subscriptions: Task Management's events keep its work queue. */
package dev.refinery.productdefinition.interfaces.messaging;
