/**
 * Analysis and query parsing: the field names, the one analyzer used for indexing and for
 * queries, and the parser that turns a search box into a Lucene query.
 *
 * <p>What must not live here: access control (the searcher adds the permitted-cases filter),
 * storage, or anything that writes or logs query text.
 */
package org.candor.search.analysis;
