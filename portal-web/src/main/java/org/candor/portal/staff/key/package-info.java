/**
 * Staff keys: investigators and oversight members set theirs up (generate or import from GnuPG),
 * export it, change its passphrase and unlock it into one session's memory (docs/design.md
 * property 4), on the pages under {@code /desk/key}. Also tells channels whether a recipient's key
 * is usable.
 *
 * <p>A secret key is only ever stored locked under its owner's passphrase; an unlocked key
 * lives in the session's memory and is closed at lock, sign-out or timeout.
 */
package org.candor.portal.staff.key;
