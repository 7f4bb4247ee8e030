package org.candor.search;

/** The facets a search result is counted by: the dimensions an investigator can narrow on. */
public enum Facet {
  STATUS,
  CHANNEL,
  LABEL,
  YEAR_RECEIVED
}
