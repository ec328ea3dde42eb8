package dev.refinery.humaninteraction.api;

import java.time.Instant;
import java.util.Set;

/**
 * Someone who signs in: never with their password, not even hashed.
 *
 * @param locked locked out after too many failed sign-ins in a row, until an admin unlocks them
 */
public record Person(
    String username,
    String displayName,
    Set<Role> roles,
    boolean enabled,
    Instant createdAt,
    boolean locked) {}
