/**
 * Staff administration: the administrator's list of accounts, invitations, disabling and
 * enabling, second-factor resets and role changes, each audited.
 *
 * <p>Administrators see names, roles and key fingerprints, never report contents and never a
 * secret (no password hash, TOTP seed or private key leaves this package).
 */
package org.candor.portal.admin.staff;
