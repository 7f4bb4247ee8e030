/**
 * Investigator keys: setting up (generate or import from GnuPG), exporting, changing the
 * passphrase, and unlocking a key into one session's memory (docs/design.md property 4). Also tells
 * channels whether a recipient's key is usable.
 *
 * <p>A secret key is only ever stored locked under its owner's passphrase; an unlocked key
 * lives in the session's memory and is closed at lock, sign-out or timeout.
 */
package org.candor.portal.desk.key;
