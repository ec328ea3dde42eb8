/** Use cases that belong to no context: operating the message queue's dead letters. */
package dev.refinery.shared.application;
