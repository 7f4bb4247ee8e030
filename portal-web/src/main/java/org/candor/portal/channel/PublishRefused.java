package org.candor.portal.channel;

import java.util.List;

/**
 * A channel cannot be published yet. Says why as a whole ({@link #problems()}: no recipient,
 * no question) and for each recipient ({@link #recipients()}), so that the administrator sees
 * what to do instead of whistleblowers meeting a failure later.
 */
public class PublishRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final transient List<RecipientState> recipients;

    public PublishRefused(List<Problem> problems, List<RecipientState> recipients) {
        super("channel cannot be published: " + problems.stream().map(Problem::key).toList());
        this.problems = List.copyOf(problems);
        this.recipients = List.copyOf(recipients);
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<RecipientState> recipients() {
        return recipients;
    }
}
