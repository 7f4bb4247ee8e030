package org.candor.portal.channel;

import java.util.Objects;

/**
 * Input about a channel or its questionnaire that cannot be accepted. Carries the
 * {@link Problem} to show (a message key and its values), never the input itself, so that it
 * can be logged or rethrown without quoting what was typed.
 */
public class InvalidChannelInput extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public InvalidChannelInput(String key, Object... arguments) {
        this(Problem.of(key, arguments));
    }

    public InvalidChannelInput(Problem problem) {
        super(Objects.requireNonNull(problem).key());
        this.problem = problem;
    }

    /** What is wrong, to be shown in the reader's language. */
    public Problem problem() {
        return problem;
    }
}
