package org.candor.portal.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of checking submitted answers against a channel's questionnaire: the answers
 * that may be sealed, in questionnaire order and tidied (blank values dropped, unknown fields
 * ignored), and the problems per field key, so that a form without JavaScript can come back
 * with the answers kept and a message beside each field. Problems that concern the whole form
 * (such as the total size of all files) are filed under {@link #WHOLE_FORM}.
 *
 * <p>Holds answers in clear, in memory only: never log it, never store it.
 */
public record AnswerCheck(Map<String, List<String>> accepted, Map<String, List<Problem>> problems) {

    /** The key under which problems of the form as a whole are filed. */
    public static final String WHOLE_FORM = "";

    public AnswerCheck {
        accepted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accepted));
        Map<String, List<Problem>> copy = new LinkedHashMap<>();
        problems.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        problems = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether the answers may be sealed as they are. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The problems of one field; empty when it is fine. */
    public List<Problem> problemsOf(String fieldKey) {
        return problems.getOrDefault(fieldKey, List.of());
    }

    /** Never prints the answers themselves. */
    @Override
    public String toString() {
        return "AnswerCheck[" + accepted.size() + " answered, problems in " + problems.keySet() + "]";
    }
}
