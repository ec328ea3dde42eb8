/**
 * Human Interaction's use cases: what people submit and decide becomes commands to Task Management;
 * what other contexts want people to know becomes notifications (an inbox, and a signed webhook).
 */
package dev.refinery.humaninteraction.application;
