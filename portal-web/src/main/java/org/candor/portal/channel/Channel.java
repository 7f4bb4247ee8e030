package org.candor.portal.channel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A reporting channel: where a whistleblower sends a report, and who receives it.
 *
 * <p>A channel has a name and a description in each portal language. Only published channels
 * are offered on the landing page.
 */
@Entity
@Table(name = "channel")
public class Channel {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 64)
    private String slug;

    @Column(nullable = false)
    private boolean published;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_on", nullable = false)
    private LocalDate createdOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "channel_text", joinColumns = @JoinColumn(name = "channel_id"))
    @MapKeyColumn(name = "language")
    private Map<String, ChannelText> texts = new HashMap<>();

    protected Channel() {
        // for JPA
    }

    /** A new, unpublished channel with its text in at least one language. */
    public Channel(String slug, int position, LocalDate createdOn, Map<Locale, ChannelText> texts) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException(
                    "A channel's address must be 1 to 64 lower-case letters, digits and dashes");
        }
        if (texts == null || texts.isEmpty()) {
            throw new IllegalArgumentException("A channel needs a name in at least one language");
        }
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.position = position;
        this.createdOn = Objects.requireNonNull(createdOn);
        texts.forEach((language, text) -> this.texts.put(language.getLanguage(), Objects.requireNonNull(text)));
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public boolean isPublished() {
        return published;
    }

    public int position() {
        return position;
    }

    /** Offers the channel to whistleblowers. */
    public void publish() {
        published = true;
    }

    /** Stops offering the channel; reports already made stay where they are. */
    public void withdraw() {
        published = false;
    }

    /** The channel's text in the language asked for, if it has one. */
    public Optional<ChannelText> text(Locale language) {
        return Optional.ofNullable(texts.get(language.getLanguage()));
    }

    /** The text in the language asked for, else in English, else in any language it has. */
    public ChannelText textFor(Locale language) {
        return text(language)
                .or(() -> text(Locale.ENGLISH))
                .orElseGet(() -> texts.values().iterator().next());
    }
}
