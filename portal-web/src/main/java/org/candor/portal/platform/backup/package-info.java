/**
 * Backup and restore of a whole installation (database, blobs, key files) as one OpenPGP message
 * sealed to the operator's key: a command-line tool run beside the portal, never a web page.
 * Nothing here reads a report: the archive carries the ciphertext and the key files as they are,
 * and the key files are protected by the operator's key (docs/design.md properties 1 and 8).
 */
package org.candor.portal.platform.backup;
