/** Background work the services share: woken on demand, never twice at once. */
package dev.refinery.shared.infrastructure.concurrent;
