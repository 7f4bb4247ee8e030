/**
 * How a case becomes a Lucene document, and how hits become snippets.
 *
 * <p>Nothing here opens, owns or closes an {@code IndexWriter} or {@code SearcherManager}: {@link
 * org.candor.search.CaseIndex} is their one owner.
 */
package org.candor.search.index;
