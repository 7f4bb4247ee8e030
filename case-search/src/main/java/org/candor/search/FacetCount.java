package org.candor.search;

/** One value of a facet and how many of the searcher's matching cases carry it. */
public record FacetCount(String value, long count) {}
