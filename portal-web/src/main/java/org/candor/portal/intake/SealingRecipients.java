package org.candor.portal.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.RecipientKey;
import org.candor.portal.casefile.CaseRecipient;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.RecipientKeys;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffRepository;

/**
 * Who a report on a channel is sealed to now: the channel's enabled investigators whose keys are
 * usable today, each key once. The one rule for both intake paths, {@link Intake} (sealed on the
 * server) and {@link org.candor.portal.intake.browser.SealedIntake} (sealed in the browser), so
 * that both seal to the same people.
 */
@ApplicationScoped
public class SealingRecipients {

    @Inject
    RecipientKeys recipientKeys;

    @Inject
    StaffRepository staff;

    /** For the container. */
    public SealingRecipients() {
    }

    /** The rule over these keys and staff accounts, for use without the container. */
    public SealingRecipients(RecipientKeys recipientKeys, StaffRepository staff) {
        this.recipientKeys = recipientKeys;
        this.staff = staff;
    }

    /** The keys to seal to, and the rows that name them on the case. */
    public record Current(List<RecipientKey> keys, Set<CaseRecipient> caseRecipients) {
        public boolean isEmpty() {
            return keys.isEmpty();
        }
    }

    /** The keys and rows for a report on {@code channel} now; empty when nobody can read it. */
    public Current of(Channel channel) {
        List<RecipientKey> keys = new ArrayList<>();
        Set<CaseRecipient> rows = new HashSet<>();
        for (UUID id : channel.recipients()) {
            boolean active = staff.isEnabledHolder(id, Role.INVESTIGATOR);
            if (active) {
                recipientKeys.usableKeyOf(id).ifPresent(key -> {
                    if (!keys.contains(key)) {
                        keys.add(key);
                    }
                    rows.add(new CaseRecipient(id, key.fingerprint()));
                });
            }
        }
        return new Current(List.copyOf(keys), Set.copyOf(rows));
    }
}
