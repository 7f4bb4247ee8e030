package org.candor.portal.channel;

import java.util.List;
import java.util.Locale;

/**
 * What a channel lacks in one language: its name or description ({@code texts}), and the
 * questions, by their English label, with a label, help text or option label missing. A reader of
 * that language sees the English text in their place.
 */
public record MissingTranslation(Locale language, boolean texts, List<String> questions) {

    public MissingTranslation {
        questions = List.copyOf(questions);
    }
}
