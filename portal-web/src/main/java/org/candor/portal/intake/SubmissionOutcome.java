package org.candor.portal.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.candor.portal.channel.Problem;

/** What became of a submission. Every outcome but {@link Received} stored nothing. */
public sealed interface SubmissionOutcome {

    /**
     * The case exists and is durable. The reply code is shown now, once, and kept nowhere.
     *
     * @param replyCode the code in its grouped display form
     */
    record Received(UUID caseId, String replyCode, LocalDate receivedOn, LocalDate acknowledgeBy,
            LocalDate feedbackBy) implements SubmissionOutcome {
        @Override
        public String toString() {
            return "Received[" + caseId + "]";
        }
    }

    /**
     * The answers do not fit the questionnaire or a file broke a limit: the form comes back with
     * the answers kept (files must be attached again) and a message per field and for the form.
     */
    record Refused(Map<String, List<String>> answers, Map<String, List<Problem>> problems,
            boolean filesWereDropped) implements SubmissionOutcome {
        @Override
        public String toString() {
            return "Refused[" + problems.keySet() + "]";
        }
    }

    /** The channel stopped taking reports (withdrawn, or no recipient can receive). */
    record ChannelClosed() implements SubmissionOutcome {
    }
}
