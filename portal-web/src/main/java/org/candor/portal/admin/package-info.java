/**
 * Administration: first-run setup, channels, questionnaires, staff accounts and retention.
 *
 * <p>Administrators manage the portal but can never read reports: nothing here holds or
 * reaches a key that opens them.
 */
package org.candor.portal.admin;
