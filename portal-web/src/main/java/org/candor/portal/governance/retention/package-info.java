/**
 * Retention (docs/design.md property 9): the rule that says when a case is deleted
 * ({@link org.candor.portal.governance.retention.RetentionRule}), investigators' extensions and
 * legal holds, the scheduled run that deletes what is due, one case per transaction, and the
 * neutral notice a whistleblower sees. Deletion leaves an audit tombstone without contents and a
 * contents-free statistics row; it must never leave ciphertext, the whistleblower key or the
 * reply code's lookup handle behind.
 */
package org.candor.portal.governance.retention;
