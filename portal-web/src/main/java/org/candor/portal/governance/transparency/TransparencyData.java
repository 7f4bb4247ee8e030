package org.candor.portal.governance.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.casefile.CaseFactsQuery;
import org.candor.portal.platform.persistence.JdbcValues;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * Reads what the transparency figures are computed from, the case facts of the published channels
 * (live cases and the {@code case_stats} rows of deleted ones), and the administrator's choice
 * of channels. Computed figures are kept for a few minutes per language, since every visitor of
 * the public page would otherwise read every case row.
 */
@ApplicationScoped
public class TransparencyData {

    private static final Duration FRESH_FOR = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    CaseFactsQuery cases;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    private record Computed(Figures figures, Instant at) {
    }

    private final Map<String, Computed> cache = new ConcurrentHashMap<>();

    /** A channel and whether its figures are published. */
    public record ChannelChoice(UUID id, String slug, String name, boolean published) {
    }

    /** The figures as of today, in a language (for the channels' names). */
    public Figures figures(Locale language) {
        Instant now = clock.instant();
        Computed kept = cache.get(language.getLanguage());
        if (kept != null && kept.at().plus(FRESH_FOR).isAfter(now)) {
            return kept.figures();
        }
        Figures fresh = compute(language);
        cache.put(language.getLanguage(), new Computed(fresh, now));
        return fresh;
    }

    /** The figures computed now, bypassing the cache. */
    @Transactional
    public Figures compute(Locale language) {
        List<Figures.Channel> channels = choices(language).stream().filter(ChannelChoice::published)
                .map(c -> new Figures.Channel(c.id(), c.slug(), c.name())).toList();
        return Figures.compute(facts(), channels, Quarter.of(LocalDate.now(clock.withZone(ZoneOffset.UTC))));
    }

    /** Forgets computed figures, after a change of the published channels. */
    public void refresh() {
        cache.clear();
    }

    /** Every channel, with its name in a language and whether it is published here. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<ChannelChoice> choices(Locale language) {
        List<Object[]> rows = em.createNativeQuery("select c.id, c.slug, c.published_in_transparency,"
                + " coalesce(t.name, e.name, c.slug) from channel c"
                + " left join channel_text t on t.channel_id = c.id and t.language = ?1"
                + " left join channel_text e on e.channel_id = c.id and e.language = 'en'"
                + " order by c.position, c.slug").setParameter(1, language.getLanguage()).getResultList();
        return rows.stream().map(r -> new ChannelChoice(JdbcValues.uuid(r[0]), r[1].toString(), r[3].toString(), JdbcValues.bool(r[2])))
                .toList();
    }

    /** Publishes a channel's figures or withdraws them; audited as a channel change. */
    @Transactional
    public void publish(SignedInStaff admin, UUID channelId, boolean published) {
        int changed = em.createNativeQuery("update channel set published_in_transparency = ?1 where id = cast(?2 as uuid)"
                + " and published_in_transparency <> ?1").setParameter(1, published).setParameter(2, channelId.toString())
                .executeUpdate();
        if (changed == 1) {
            audit.record(AuditEvent.of(AuditAction.CHANNEL_CHANGED, Actor.staff(admin.id(), admin.username()))
                    .about("channel", channelId).with("transparency", published ? "published" : "withdrawn"));
        }
        refresh();
    }

    @SuppressWarnings("unchecked")
    private List<CaseFacts> facts() {
        List<CaseFacts> facts = new ArrayList<>();
        for (CaseFactsQuery.Facts live : cases.ofPublishedChannels()) {
            facts.add(CaseFacts.of(live));
        }
        List<Object[]> deleted = em.createNativeQuery("select s.channel_id, s.received_quarter, s.days_to_acknowledge,"
                + " s.acknowledged_in_time, s.days_to_feedback, s.feedback_in_time, s.outcome, s.appeal_state,"
                + " s.appeal_decision, s.deleted_quarter from case_stats s join channel ch on ch.id = s.channel_id"
                + " where ch.published_in_transparency = true").getResultList();
        for (Object[] r : deleted) {
            facts.add(new CaseFacts(JdbcValues.uuid(r[0]), Quarter.of(JdbcValues.day(r[1]).orElseThrow()), whole(r[2]), JdbcValues.bool(r[3]),
                    whole(r[4]), JdbcValues.bool(r[5]), JdbcValues.text(r[6]), JdbcValues.text(r[7]), JdbcValues.text(r[8]),
                    Optional.of(Quarter.of(JdbcValues.day(r[9]).orElseThrow()))));
        }
        return facts;
    }

    private static Optional<Integer> whole(Object value) {
        return value == null ? Optional.empty() : Optional.of(((Number) value).intValue());
    }
}
