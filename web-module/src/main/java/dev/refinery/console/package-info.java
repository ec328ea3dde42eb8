/** The console's shell: sign-in, the signed-in person, the dashboard. */
package dev.refinery.console;
