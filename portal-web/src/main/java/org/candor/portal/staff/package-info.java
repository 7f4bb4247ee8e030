/**
 * Staff accounts: administrators, investigators and oversight members, their roles and their
 * passwords (Argon2id, checked against a NIST-style policy).
 *
 * <p>Nothing here holds or opens report contents.
 */
package org.candor.portal.staff;
