/**
 * Full-text search over decrypted cases for the desk: {@link org.candor.search.CaseIndex} opens
 * the encrypted index with an {@link org.candor.search.IndexKey}, {@link
 * org.candor.search.CaseIndexer} writes cases into it, {@link org.candor.search.CaseSearcher}
 * answers {@link org.candor.search.SearchRequest}s with {@link org.candor.search.SearchResults}.
 *
 * <p>This package is the public API: Lucene and Tika types stay out of its signatures and live in
 * the sub-packages ({@code store}, {@code analysis}, {@code extract}, {@code index}). Nothing here
 * logs case contents, query text or attachment names.
 */
package org.candor.search;
