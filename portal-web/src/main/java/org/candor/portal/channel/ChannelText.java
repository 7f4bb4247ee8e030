package org.candor.portal.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A channel's name and description in one language. */
@Embeddable
public class ChannelText {

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 4000)
    private String description;

    protected ChannelText() {
        // for JPA
    }

    public ChannelText(String name, String description) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("A channel's name must have 1 to 200 characters");
        }
        if (description == null || description.length() > 4000) {
            throw new IllegalArgumentException("A channel's description may have at most 4000 characters");
        }
        this.name = name.strip();
        this.description = description.strip();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }
}
