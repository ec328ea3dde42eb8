/**
 * Human Interaction's rules: its view of each task ({@link
 * dev.refinery.humaninteraction.domain.TaskView}), what people are told ({@link
 * dev.refinery.humaninteraction.domain.Notices}), sign-in lockout, and the ports its adapters
 * implement.
 */
package dev.refinery.humaninteraction.domain;
