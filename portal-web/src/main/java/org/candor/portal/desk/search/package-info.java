/**
 * Full-text search in the desk (docs/design.md property 7, "search where decryption happens"): one
 * encrypted case index of the {@code case-search} library per investigator, holding only the
 * cases sealed to them, its key sealed to them alone and opened while they have unlocked theirs
 * ({@link org.candor.portal.desk.search.SearchKeyring}), one worker that keeps the open indexes
 * current from the stored ciphertext, each with its own investigator's key ({@link
 * org.candor.portal.desk.search.SearchWorker}), and the page {@code /desk/search} ({@link
 * org.candor.portal.desk.search.SearchPages}).
 *
 * <p>Nothing here logs or stores query text, case contents or attachment names; the only tables
 * are the indexes with their sealed keys and per-index, per-case markers of workflow metadata (docs/protocol.md, "Case
 * search in the desk"). Which cases an index must take or lose is read by the case core
 * ({@link org.candor.portal.casefile.CaseIndexQuery}).
 */
package org.candor.portal.desk.search;
