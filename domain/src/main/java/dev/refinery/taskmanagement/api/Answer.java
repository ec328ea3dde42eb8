package dev.refinery.taskmanagement.api;

/** The answer to one question: an option's id, or free text (or both). */
public record Answer(String questionId, String optionId, String text) {}
