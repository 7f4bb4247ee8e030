/**
 * The encrypted Lucene directory: every index file is written as AES-256-GCM sealed chunks under
 * a per-file key derived from the index key, so nothing of a case rests in clear on disk
 * (property 7 of docs/design.md).
 *
 * <p>Only storage lives here: no analysis, no queries, no knowledge of cases. Nothing here may
 * write plaintext to the wrapped directory, log file contents, or keep the index key after
 * {@code close()}.
 */
package org.candor.search.store;
