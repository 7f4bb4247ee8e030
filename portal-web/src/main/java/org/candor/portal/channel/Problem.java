package org.candor.portal.channel;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with what someone entered, as a message key of the portal's bundles and the
 * values that fill it in. A page renders it in the reader's language; a {@link java.util.Locale}
 * among the arguments stands for a portal language and is shown by its name.
 */
public record Problem(String key, List<Object> arguments) {

    public Problem {
        Objects.requireNonNull(key);
        arguments = List.copyOf(arguments);
    }

    public static Problem of(String key, Object... arguments) {
        return new Problem(key, Arrays.asList(arguments));
    }
}
