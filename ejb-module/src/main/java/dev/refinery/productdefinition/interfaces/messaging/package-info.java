/** The productdefinition context's inbound messages. */
package dev.refinery.productdefinition.interfaces.messaging;
