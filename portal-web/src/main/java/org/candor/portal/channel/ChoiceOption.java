package org.candor.portal.channel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One option of a choice question: a stable key (what an answer stores, so that renaming a
 * label does not change the meaning of earlier answers) and its label in every portal language.
 */
public record ChoiceOption(String key, LocalizedText label) {

    /** Longest label of an option. */
    public static final int MAX_LABEL = 200;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public ChoiceOption {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidChannelInput("channel.option.key.invalid", key == null ? "" : key);
        }
        Objects.requireNonNull(label);
    }
}
