package org.candor.portal.channel;

/** Checks shared by the channel's texts and the answers to its questionnaire. */
final class Texts {

    private Texts() {
    }

    /**
     * Whether a text holds control characters (or, for single-line text, line breaks and tabs).
     * Such characters have no business in a label or a short answer and can hide content.
     */
    static boolean hasControlCharacters(String text, boolean multiLine) {
        return text.chars().anyMatch(c -> (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')
                && !(multiLine && (c == '\n' || c == '\r' || c == '\t')));
    }
}
