package org.candor.portal.audit;

/**
 * Every kind of action the audit log records. The name is what is stored and hashed: rename
 * none, only add.
 */
public enum AuditAction {
    /** A staff member signed in with password and second factor. */
    STAFF_SIGNED_IN,
    /** A staff sign-in was refused (wrong password, wrong or replayed code, disabled account). */
    STAFF_SIGN_IN_FAILED,
    /** A staff member signed out, or the session ended. */
    STAFF_SIGNED_OUT,
    /** A staff member enrolled a second factor. */
    SECOND_FACTOR_ENROLLED,
    /** An administrator reset a staff member's second factor. */
    SECOND_FACTOR_RESET,
    /** A staff member signed in with a recovery code. */
    RECOVERY_CODE_USED,
    /** An administrator invited a staff member. */
    STAFF_INVITED,
    /** An invited person accepted the invitation and created their account. */
    STAFF_INVITATION_ACCEPTED,
    /** An administrator disabled an account. */
    STAFF_DISABLED,
    /** An administrator enabled an account again. */
    STAFF_ENABLED,
    /** A role was granted to a staff member. */
    ROLE_GRANTED,
    /** A role was taken from a staff member. */
    ROLE_REVOKED,
    /** An investigator generated a key pair in the portal. */
    KEY_GENERATED,
    /** An investigator imported an existing key. */
    KEY_IMPORTED,
    /** An investigator changed the passphrase of their key. */
    KEY_PASSPHRASE_CHANGED,
    /** An investigator unlocked their key for a session. */
    KEY_UNLOCKED,
    /** An unlocked key was dropped from memory (sign-out, timeout, explicit lock). */
    KEY_LOCKED,
    /** An administrator created a reporting channel. */
    CHANNEL_CREATED,
    /** An administrator changed a channel (texts, recipients, questionnaire, limits). */
    CHANNEL_CHANGED,
    /** A channel was opened to whistleblowers. */
    CHANNEL_PUBLISHED,
    /** A channel was closed to whistleblowers. */
    CHANNEL_WITHDRAWN,
    /** The first administrator was created through the one-time setup link. */
    SETUP_COMPLETED,
    /** Oversight verified the audit chain; the verdict is in the details. */
    AUDIT_VERIFIED,
    /** Someone opened the contents of a case (later issue). */
    CASE_CONTENTS_OPENED,
    /** A case's status changed (later issue). */
    CASE_STATUS_CHANGED,
    /** A case was deleted, by retention or by hand (later issue). */
    CASE_DELETED,
    /** An investigator added a label to a case or removed one; the label and the change are in the details. */
    CASE_LABELLED,
    /** An investigator kept a case beyond its channel's retention period; the reason's category and the new day are in the details. */
    RETENTION_EXTENDED,
    /** An investigator placed a legal hold on a case: it is not deleted while the hold lasts. */
    LEGAL_HOLD_PLACED,
    /** An investigator lifted a case's legal hold. */
    LEGAL_HOLD_LIFTED,
    /** The scheduled retention run deleted what was due; the counts are in the details. */
    RETENTION_RUN,
    /** An investigator sent a reply to the whistleblower; the number of files is in the details. */
    CASE_REPLIED,
    /** An investigator added an internal note to a case (never shown to the whistleblower). */
    CASE_NOTE_ADDED,
    /** An investigator exported a case, sealed to their own key; the key's fingerprint is in the details. */
    CASE_EXPORTED,
    /** Oversight decided an appeal; the decision is in the details, its grounds are sealed. */
    APPEAL_DECIDED,
    /** An investigator of a case gave another investigator access to it; the case was re-sealed to include them. */
    CASE_ACCESS_GRANTED,
    /** An investigator's access to a case was taken away; the case was re-sealed without them. */
    CASE_ACCESS_REVOKED,
    /** An investigator handed a case over to a colleague: access granted to them and taken from the one handing over. */
    CASE_ASSIGNED,
    /** An investigator searched the contents of their cases; the number of hits is in the details, never the query. */
    CASES_SEARCHED,
    /**
     * The shared search index key was sealed to another investigator (before migration V11; since
     * then each index key is sealed to its own investigator only and this is no longer recorded).
     */
    SEARCH_INDEX_KEY_SHARED,
    /** An investigator started a rebuild of the search index from the stored ciphertext. */
    SEARCH_INDEX_REBUILT,
    /** An administrator changed who the public pages say runs the portal; what changed is in the details, never the text. */
    ORGANISATION_CHANGED
}
