/**
 * What every REST resource shares: the JAX-RS application at {@code /api} and the mapping of errors
 * to RFC 9457 problem details, so a client always gets a JSON body naming what was wrong.
 */
package dev.refinery.shared.interfaces.rest;
