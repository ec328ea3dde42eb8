package dev.refinery.shared.api;

import java.io.Serializable;
import java.util.List;

/**
 * One page of a longer list: the items, which page (from 0), its size, and how many there are in
 * all.
 */
public record Page<T>(List<T> items, int page, int size, long total) implements Serializable {}
