package org.candor.portal.intake.browser;

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
 * usable today — the same rule as {@link org.candor.portal.intake.Intake} on the no-JavaScript
 * path, so that both paths seal to the same people.
 */
@ApplicationScoped
public class SealingRecipients {

    @Inject
    RecipientKeys recipientKeys;

    @Inject
    StaffRepository staff;

    /** The keys to seal to, and the rows that name them on the case. */
    public record Current(List<RecipientKey> keys, Set<CaseRecipient> caseRecipients) {
        public boolean isEmpty() {
            return keys.isEmpty();
        }
    }

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
