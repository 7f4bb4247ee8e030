package org.candor.portal.channel;

import java.util.UUID;

/**
 * Whether one recipient of a channel can receive its reports now, and if not, what to do: the
 * message key {@link #problemKey()} says why, {@link #adviceKey()} what would fix it.
 */
public record RecipientState(UUID staffId, KeyStatus keyStatus, boolean activeInvestigator) {

    /** Whether reports can be sealed to this recipient. */
    public boolean isReady() {
        return activeInvestigator && keyStatus instanceof KeyStatus.Usable;
    }

    /** Why this recipient cannot receive reports; empty string when it can. */
    public String problemKey() {
        if (!activeInvestigator) {
            return "channel.recipient.inactive";
        }
        return switch (keyStatus) {
            case KeyStatus.NoKey none -> "channel.recipient.noKey";
            case KeyStatus.Unusable unusable -> "channel.recipient.key." + unusable.reason().name();
            case KeyStatus.Usable usable -> "";
        };
    }

    /** What would make this recipient ready; empty string when it is. */
    public String adviceKey() {
        if (!activeInvestigator) {
            return "channel.recipient.inactive.advice";
        }
        return switch (keyStatus) {
            case KeyStatus.NoKey none -> "channel.recipient.noKey.advice";
            case KeyStatus.Unusable unusable -> "channel.recipient.key.advice";
            case KeyStatus.Usable usable -> "";
        };
    }
}
