/**
 * Oversight's pages over the audit log: the log itself (newest first, filtered by action, actor
 * and dates), verification of the whole chain with the current head to note down, and the public
 * key for external auditors.
 *
 * <p>Only oversight members reach these pages (the staff gate, and each resource asks the
 * session again). They show who did what and when, never report contents (docs/design.md property 8).
 */
package org.candor.portal.oversight.audit;
