/**
 * Retention (docs/design.md property 9): the rule that says when a case is deleted
 * ({@link org.candor.portal.governance.retention.RetentionRule}), investigators' extensions and
 * legal holds, the scheduled run that deletes what is due, one case per transaction, and the
 * neutral notice a whistleblower sees. Deletion leaves an audit tombstone without contents and a
 * contents-free statistics row; it must never leave ciphertext, the whistleblower key or the
 * reply code's lookup handle behind.
 *
 * <p>The SQL on case tables is the case core's: what the rule reads of cases in
 * {@link org.candor.portal.casefile.CaseRetentionQuery}, the removal of a case's rows and the
 * blobs items name in {@link org.candor.portal.casefile.CaseRemoval}.
 */
package org.candor.portal.governance.retention;
