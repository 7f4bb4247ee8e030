/**
 * The investigator's cases: the case list (metadata only, no decryption), the case view (opened
 * with the investigator's unlocked key, every opening audited), attachment downloads, labels and
 * the lifecycle moves with their grounds. The SQL on case tables is in the case core: the list's
 * in {@link org.candor.portal.casefile.CaseListSql} and {@link org.candor.portal.casefile.CaseListQuery},
 * a case's items from {@link org.candor.portal.casefile.CaseRepository#items}.
 *
 * <p>An investigator sees and opens only cases sealed to their key ({@code case_recipient}); any
 * other case answers 404, as if it did not exist. Decrypted data leaves this package only after
 * its integrity check passed (docs/design.md properties 1, 4 and 8; docs/design.md "crypto fails closed").
 * Nothing here writes plaintext anywhere but to the investigator's response.
 */
package org.candor.portal.desk.cases;
