package org.candor.portal.channel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a whistleblower sent for a questionnaire, before it is checked: the values of each
 * form field by field key (several for a multiple choice), and the sizes in bytes of the files
 * attached to each file field. File contents and names are not here: they stream through
 * encryption and never reach the questionnaire (docs/design.md property 1).
 *
 * <p>Holds answers in clear, in memory only: never log it, never store it.
 */
public record SubmittedAnswers(Map<String, List<String>> values, Map<String, List<Long>> fileSizes) {

    public SubmittedAnswers {
        values = copy(values);
        fileSizes = copy(fileSizes);
    }

    /** Answers without files. */
    public static SubmittedAnswers of(Map<String, List<String>> values) {
        return new SubmittedAnswers(values, Map.of());
    }

    /** The same answers with the sizes of the files attached to a file field. */
    public SubmittedAnswers withFiles(String fieldKey, List<Long> sizes) {
        Map<String, List<Long>> files = new HashMap<>(fileSizes);
        files.put(fieldKey, sizes);
        return new SubmittedAnswers(values, files);
    }

    List<String> valuesOf(String key) {
        return values.getOrDefault(key, List.of());
    }

    List<Long> filesOf(String key) {
        return fileSizes.getOrDefault(key, List.of());
    }

    private static <T> Map<String, List<T>> copy(Map<String, List<T>> map) {
        Map<String, List<T>> copy = new HashMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v.stream().filter(java.util.Objects::nonNull).toList());
                }
            });
        }
        return Map.copyOf(copy);
    }

    /** Never prints the answers themselves. */
    @Override
    public String toString() {
        return "SubmittedAnswers[" + values.size() + " fields, " + fileSizes.size() + " file fields]";
    }
}
