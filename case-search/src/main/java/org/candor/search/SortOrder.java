package org.candor.search;

/** How hits are ordered. */
public enum SortOrder {
  /** Best match first. */
  RELEVANCE,
  /** Most recently received first. */
  NEWEST_FIRST,
  /** Earliest received first. */
  OLDEST_FIRST
}
