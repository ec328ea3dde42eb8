/**
 * Preflight checks the run command makes before it starts Payara: each finds one missing dependency
 * and says, in one line, what is wrong and how to fix it.
 */
package dev.refinery.serverconfig;
