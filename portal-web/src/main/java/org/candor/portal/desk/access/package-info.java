/**
 * Who may open a case, changed by an investigator who can open it: granting a colleague access,
 * handing the case over to a colleague of its channel, and revoking access. Each change
 * re-seals every item of the case with a fresh session key to the new set of readers
 * ({@link org.candor.portal.desk.access.CaseAccess}), so that a removed investigator's key no
 * longer opens the stored ciphertext, and records it in the audit log; the pages are
 * {@code /desk/cases/{id}/access} ({@link org.candor.portal.desk.access.CaseAccessPages}).
 *
 * <p>Plaintext exists here only in the 64 KiB buffer between opening an item and sealing it
 * anew; nothing is written in clear (docs/design.md properties 1, 4 and 8; docs/protocol.md,
 * "Assignment, grants and revocation: re-sealing").
 */
package org.candor.portal.desk.access;
