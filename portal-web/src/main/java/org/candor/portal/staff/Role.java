package org.candor.portal.staff;

/** What a staff member may do in the portal. A person holds several only when an administrator says so. */
public enum Role {
    /** Manages channels, questionnaires, staff and retention; never reads reports. */
    ADMINISTRATOR,
    /** Handles the cases of the channels they receive. */
    INVESTIGATOR,
    /** Checks the audit log and decides appeals; never reads reports. */
    OVERSIGHT
}
