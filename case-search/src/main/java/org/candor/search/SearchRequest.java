package org.candor.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an investigator asks for: the query text, the cases they may open, and how to page, sort
 * and narrow the results.
 *
 * <p>The set of case IDs the searcher may open is mandatory and is applied as a filter inside
 * Lucene, so that cases outside it contribute nothing to hits, counts, facets or snippets
 * (property 7 of docs/design.md: an investigator finds only cases they may read). An empty set finds
 * nothing.
 *
 * @param query the query text (see {@code docs/protocol.md}); blank finds every permitted case
 * @param permittedCaseIds the IDs of the cases the searcher may open
 * @param sort the order of hits
 * @param offset how many hits to skip (for paging)
 * @param limit how many hits to return, 1 to 1000
 * @param narrowBy facet values the result must carry (facet drill-down), ANDed
 * @param snippetsPerHit how many highlighted snippets to return per hit (0 for none)
 */
public record SearchRequest(
    String query,
    Set<String> permittedCaseIds,
    SortOrder sort,
    int offset,
    int limit,
    Map<Facet, List<String>> narrowBy,
    int snippetsPerHit) {

  /** Largest page. */
  public static final int MAX_LIMIT = 1000;

  public SearchRequest {
    query = query == null ? "" : query;
    permittedCaseIds = Set.copyOf(Objects.requireNonNull(permittedCaseIds, "permittedCaseIds"));
    Objects.requireNonNull(sort, "sort");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    if (snippetsPerHit < 0 || snippetsPerHit > 10) {
      throw new IllegalArgumentException("snippetsPerHit must be between 0 and 10");
    }
    Map<Facet, List<String>> copy = new EnumMap<>(Facet.class);
    narrowBy.forEach((facet, values) -> copy.put(facet, List.copyOf(values)));
    narrowBy = Map.copyOf(copy);
  }

  /** A request for the first 20 hits by relevance, with 3 snippets each. */
  public static Builder builder(String query, Set<String> permittedCaseIds) {
    return new Builder(query, permittedCaseIds);
  }

  @Override
  public String toString() {
    // The query may quote case contents: keep it out of logs.
    return "SearchRequest[permitted=" + permittedCaseIds.size() + ", sort=" + sort + "]";
  }

  /** Builds a {@link SearchRequest}. */
  public static final class Builder {
    private final String query;
    private final Set<String> permitted;
    private SortOrder sort = SortOrder.RELEVANCE;
    private int offset;
    private int limit = 20;
    private final Map<Facet, List<String>> narrowBy = new EnumMap<>(Facet.class);
    private int snippets = 3;

    private Builder(String query, Set<String> permitted) {
      this.query = query;
      this.permitted = permitted;
    }

    public Builder sort(SortOrder value) {
      sort = value;
      return this;
    }

    public Builder page(int offset, int limit) {
      this.offset = offset;
      this.limit = limit;
      return this;
    }

    /** Keeps only cases whose {@code facet} has {@code value}; repeatable. */
    public Builder narrow(Facet facet, String value) {
      narrowBy.computeIfAbsent(facet, f -> new ArrayList<>()).add(value);
      return this;
    }

    public Builder snippetsPerHit(int value) {
      snippets = value;
      return this;
    }

    public SearchRequest build() {
      return new SearchRequest(query, permitted, sort, offset, limit, narrowBy, snippets);
    }
  }
}
