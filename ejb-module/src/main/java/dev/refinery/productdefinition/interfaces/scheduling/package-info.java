/** Product Definition's timer: the Task Polling Service's safety net. */
package dev.refinery.productdefinition.interfaces.scheduling;
