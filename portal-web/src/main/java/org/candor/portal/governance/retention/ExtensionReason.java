package org.candor.portal.governance.retention;

/**
 * Why an investigator keeps a case longer, or holds it: a fixed list, so that the stored reason
 * can never carry report contents (docs/design.md property 1). A free note, if any, is sealed to the
 * case's investigators as an internal note.
 */
public enum ExtensionReason {
    /** The investigation, or follow-up action, is still going on. */
    ONGOING_INVESTIGATION,
    /** Legal or administrative proceedings need the case. */
    PROCEEDINGS,
    /** A competent authority asked for the case to be kept. */
    AUTHORITY_REQUEST,
    /** A review or an appeal needs the case. */
    REVIEW,
    /** A law requires keeping it longer. */
    LEGAL_OBLIGATION;

    /** The reason a form names, or empty when it names none of these. */
    public static java.util.Optional<ExtensionReason> parse(String typed) {
        for (ExtensionReason reason : values()) {
            if (reason.name().equals(typed)) {
                return java.util.Optional.of(reason);
            }
        }
        return java.util.Optional.empty();
    }
}
