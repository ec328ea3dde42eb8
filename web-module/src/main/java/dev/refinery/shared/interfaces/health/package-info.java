/** MicroProfile Health checks: {@code /health/ready} and {@code /health/live}. */
package dev.refinery.shared.interfaces.health;
