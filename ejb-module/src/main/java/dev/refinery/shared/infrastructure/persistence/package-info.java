/** Database plumbing every context shares: the schema migrations run at start-up. */
package dev.refinery.shared.infrastructure.persistence;
