/** Approvers: the PRDs waiting for review, and the review itself. */
package dev.refinery.console.review;
