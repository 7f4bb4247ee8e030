/**
 * Contact and redress: the whistleblower comes back with the reply code to read replies, add
 * information, follow the status against the deadlines and ask for redress. Part of the
 * {@code intake} role.
 *
 * <p>Whatever the reply code unlocks is decrypted for one request only and never stored in
 * clear (docs/design.md properties 3 and 5).
 */
package org.candor.portal.contact;
