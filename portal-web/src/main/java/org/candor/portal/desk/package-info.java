/**
 * The investigators' desk: sign-in, key unlock, case list, case view, search, replies, status
 * and outcome, assignment and notes.
 *
 * <p>Decryption happens only here, with an investigator's unlocked key, and every access to
 * case contents is written to the audit log (docs/design.md properties 4, 7 and 8).
 */
package org.candor.portal.desk;
