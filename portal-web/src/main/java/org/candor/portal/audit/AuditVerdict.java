package org.candor.portal.audit;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What verifying the audit log found: either the whole chain is intact, or the first entry where
 * it breaks and why.
 *
 * @param checked     how many entries were found intact (all of them when the log is intact;
 *                    those before the break otherwise)
 * @param head        the last intact entry's sequence number and hash
 * @param problem     why the chain breaks, or {@code null} when it is intact
 * @param firstBroken the sequence number of the first broken (or missing) entry, or 0 when intact
 */
public record AuditVerdict(long checked, AuditHead head, Problem problem, long firstBroken) {

    /** The ways a chain can break, in words an auditor knows. */
    public enum Problem {
        /** An entry with this sequence number is missing: it was deleted. */
        MISSING_ENTRY("entry {0} is missing: it was deleted"),
        /** The entry does not point at the entry before it: entries were removed or reordered. */
        LINK_BROKEN("entry {0} does not follow the entry before it: entries were removed or reordered"),
        /** The entry's fields do not give its hash: it was altered. */
        ALTERED("entry {0} was altered: its fields do not give its hash"),
        /** The entry was signed by a key the verifier was not given. */
        UNKNOWN_KEY("entry {0} is signed by a key that is not trusted"),
        /** The entry's signature does not verify: it was forged or altered. */
        BAD_SIGNATURE("entry {0} has a signature that does not verify: it was forged or altered"),
        /** A stored field cannot be read at all (not hexadecimal, missing). */
        UNREADABLE("entry {0} cannot be read: a field is missing or malformed"),
        /** The stored head names an entry that is missing or different: the end was cut off or altered. */
        HEAD_MISMATCH("the stored head does not match entry {0}: entries at the end were removed or altered"),
        /** The noted head is beyond the last entry: the end of the log was cut off. */
        TAIL_MISSING("entry {0} is missing, but the noted head says it existed: entries at the end were removed"),
        /** The entry at the noted head's position has another hash: the log was rewritten. */
        NOTED_HEAD_MISMATCH("entry {0} differs from the noted head: the log was rewritten");

        private final String explanation;

        Problem(String explanation) {
            this.explanation = explanation;
        }

        /** An English sentence for the command line; pages take their words from the bundles. */
        public String explain(long seq) {
            return explanation.replace("{0}", Long.toString(seq));
        }
    }

    public AuditVerdict {
        Objects.requireNonNull(head, "head");
        if ((problem == null) != (firstBroken == 0)) {
            throw new IllegalArgumentException("a broken chain names its first broken entry, an intact one none");
        }
    }

    static AuditVerdict intact(long checked, AuditHead head) {
        return new AuditVerdict(checked, head, null, 0);
    }

    static AuditVerdict broken(long checked, AuditHead head, Problem problem, long firstBroken) {
        return new AuditVerdict(checked, head, Objects.requireNonNull(problem), firstBroken);
    }

    public boolean isIntact() {
        return problem == null;
    }

    /** The first broken entry's sequence number, if any. */
    public OptionalLong firstBrokenEntry() {
        return problem == null ? OptionalLong.empty() : OptionalLong.of(firstBroken);
    }

    /** An English sentence saying what was found. */
    public String explain() {
        if (problem == null) {
            return "intact: " + checked + " entries checked, head " + head;
        }
        return "BROKEN: " + problem.explain(firstBroken) + " (" + checked + " entries before it are intact)";
    }
}
