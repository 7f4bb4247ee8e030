/**
 * Staff invitations: one-time links with which an administrator brings in an investigator or
 * an oversight member, each for one role.
 */
package org.candor.portal.staff.invitation;
