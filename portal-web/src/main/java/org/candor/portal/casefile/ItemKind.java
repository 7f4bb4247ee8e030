package org.candor.portal.casefile;

/** What a case item is. Its contents are sealed; only the kind is kept in clear. */
public enum ItemKind {
    /** The report: answers to the channel's questionnaire and the list of its attachments. */
    REPORT(true),
    /**
     * A file attached to the report or to a message. Its readers are those of the item it came
     * with ({@link ItemReaders}), never decided by this kind alone: a file of an internal note is
     * internal.
     */
    ATTACHMENT(false),
    /** A message from the whistleblower, after the report. */
    WHISTLEBLOWER_MESSAGE(true),
    /** A reply from an investigator to the whistleblower. */
    INVESTIGATOR_REPLY(true),
    /** An internal note of the investigators; never sealed to the whistleblower. */
    INTERNAL_NOTE(false),
    /** The outcome's grounds, which the whistleblower reads. */
    OUTCOME_GROUNDS(true),
    /** A request for redress (appeal) from the whistleblower. */
    APPEAL(true),
    /** Oversight's decision on an appeal, with its grounds. */
    APPEAL_DECISION(true);

    private final boolean sharedWithWhistleblower;

    ItemKind(boolean sharedWithWhistleblower) {
        this.sharedWithWhistleblower = sharedWithWhistleblower;
    }

    /**
     * Whether an item of this kind is sealed to the case's whistleblower key too. False for a file,
     * which follows the item it came with: ask {@link ItemReaders} for the readers of a case's items.
     */
    public boolean sharedWithWhistleblower() {
        return sharedWithWhistleblower;
    }
}
