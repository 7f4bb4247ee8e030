package org.candor.portal.channel;

/**
 * How long the cases of a channel are kept before they are deleted (docs/design.md property 9), in
 * days. At least a month, so that a case can be acknowledged and handled; at most ten years,
 * so that a slip of the keyboard cannot keep reports for ever.
 */
public record Retention(int days) {

    public static final int MIN_DAYS = 30;
    public static final int MAX_DAYS = 3650;
    /** What a new channel starts with: one year. */
    public static final Retention DEFAULT = new Retention(365);

    public Retention {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new InvalidChannelInput("channel.retention.range", MIN_DAYS, MAX_DAYS);
        }
    }
}
