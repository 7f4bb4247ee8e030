/**
 * Full-text search in the desk (DESIGN.md property 7, "search where decryption happens"): the
 * encrypted case index of the {@code case-search} library, its key sealed to every investigator
 * and opened while at least one investigator has unlocked theirs ({@link
 * org.candor.portal.desk.search.SearchKeyring}), one worker that keeps it current from the stored
 * ciphertext ({@link org.candor.portal.desk.search.SearchWorker}), and the page
 * {@code /desk/search} ({@link org.candor.portal.desk.search.SearchPages}).
 *
 * <p>Nothing here logs or stores query text, case contents or attachment names; the only tables
 * are the sealed key copies and per-case markers of workflow metadata (docs/protocol.md, "Case
 * search in the desk").
 */
package org.candor.portal.desk.search;
