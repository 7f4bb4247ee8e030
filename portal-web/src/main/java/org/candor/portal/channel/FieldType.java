package org.candor.portal.channel;

/** The kinds of question a questionnaire can ask, and the constraints each kind takes. */
public enum FieldType {
    /** One line of text, up to a maximum length. */
    SHORT_TEXT,
    /** Free text with line breaks, up to a maximum length. */
    LONG_TEXT,
    /** Exactly one of at least two options. */
    SINGLE_CHOICE,
    /** Any number of at least two options. */
    MULTIPLE_CHOICE,
    /** A calendar date (ISO 8601, as a browser's date input sends it). */
    DATE,
    /** Attached files, up to a number and a size per file. */
    FILE;

    public boolean isText() {
        return this == SHORT_TEXT || this == LONG_TEXT;
    }

    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    /** Parses a type as a form sends it; refuses anything else. */
    public static FieldType parse(String name) {
        for (FieldType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new InvalidChannelInput("channel.field.type.invalid");
    }
}
