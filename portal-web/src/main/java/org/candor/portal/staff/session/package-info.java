/**
 * Staff sessions: who is signed in, the gate in front of the staff areas, and sign-in itself
 * (password, then a TOTP second factor).
 *
 * <p>Whistleblowers never have a staff session; nothing here knows of them.
 */
package org.candor.portal.staff.session;
