package org.candor.portal.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;

/** A channel's name and description in one language. */
@Embeddable
public class ChannelText {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false, length = MAX_DESCRIPTION)
    private String description;

    protected ChannelText() {
        // for JPA
    }

    public ChannelText(String name, String description) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME
                || Texts.hasControlCharacters(name, false)) {
            throw new InvalidChannelInput("channel.name.invalid", MAX_NAME);
        }
        if (description == null || description.strip().length() > MAX_DESCRIPTION
                || Texts.hasControlCharacters(description, true)) {
            throw new InvalidChannelInput("channel.description.invalid", MAX_DESCRIPTION);
        }
        this.name = name.strip();
        this.description = description.strip();
    }

    /** The text for one language, as typed in a form; the problem names the language. */
    public static ChannelText of(Locale language, String name, String description) {
        if (name == null || name.isBlank()) {
            throw new InvalidChannelInput("channel.name.missing", language);
        }
        if (name.strip().length() > MAX_NAME || Texts.hasControlCharacters(name, false)) {
            throw new InvalidChannelInput("channel.name.invalidIn", language, MAX_NAME);
        }
        String text = description == null ? "" : description;
        if (text.strip().length() > MAX_DESCRIPTION || Texts.hasControlCharacters(text, true)) {
            throw new InvalidChannelInput("channel.description.invalidIn", language, MAX_DESCRIPTION);
        }
        return new ChannelText(name, text);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }
}
