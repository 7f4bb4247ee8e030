/**
 * The audit log: who did what and when, appended in a hash chain signed by the portal so that
 * removing, reordering or editing an entry is detectable (docs/design.md property 8).
 *
 * <p>Features record {@link org.candor.portal.audit.AuditEvent}s through
 * {@link org.candor.portal.audit.AuditLog}, inside the transaction of the action they record.
 * {@link org.candor.portal.audit.AuditVerifier} checks the chain with plain JDBC and a public
 * key, so an external auditor can run it without the portal.
 *
 * <p>Nothing here may hold report contents, reply codes or anything about a whistleblower: an
 * event names an action, a staff actor (or "system", or "anonymous" without any identity), an
 * opaque subject id and a few short non-content facts.
 */
package org.candor.portal.audit;
