package org.candor.portal.governance.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The query the whistleblower's pages ask: how long is this report kept? Answers the neutral
 * {@link RetentionNotice}; render it with the fragment
 * {@code public/transparency-notice :: notice(${retention})}.
 */
@ApplicationScoped
public class RetentionNotices {

    @Inject
    CaseRetention retention;

    /** The notice for an existing case. */
    public RetentionNotice forCase(UUID caseId) {
        return retention.state(caseId).map(CaseRetention.State::notice)
                .orElseThrow(() -> new IllegalArgumentException("no such case"));
    }
}
