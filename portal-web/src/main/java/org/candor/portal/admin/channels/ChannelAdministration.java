package org.candor.portal.admin.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.ChannelText;
import org.candor.portal.channel.InvalidChannelInput;
import org.candor.portal.channel.KeyStatus;
import org.candor.portal.channel.Problem;
import org.candor.portal.channel.PublishRefused;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.Questionnaire;
import org.candor.portal.channel.RecipientKeys;
import org.candor.portal.channel.RecipientState;
import org.candor.portal.channel.Retention;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * What an administrator can do with channels. Each method is one transaction: it validates
 * the whole change through the channel's value objects, applies it, and records it in the audit
 * log, or, on any refusal, changes nothing (the runtime exception rolls the transaction back).
 *
 * <p>Refusals are {@link InvalidChannelInput} (a bad value, with the message to show),
 * {@link PublishRefused} (why the channel cannot be published, per recipient) and
 * {@link ChannelNotFound}.
 */
@ApplicationScoped
public class ChannelAdministration {

    @Inject
    ChannelRepository channels;

    @Inject
    Instance<RecipientKeys> recipientKeys;

    @Inject
    AuditLog audit;

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** A channel as the list shows it: what would stop it being published, or, if published, receiving reports. */
    public record Summary(Channel channel, List<Problem> problems, int readyRecipients) {
        public boolean receivable() {
            return readyRecipients > 0;
        }
    }

    /** A recipient as the pages show them. */
    public record Recipient(UUID id, String displayName, String username, RecipientState state) {
    }

    @Transactional
    public List<Summary> list() {
        RecipientKeys keys = keys();
        Set<UUID> active = activeInvestigatorIds();
        return channels.all().stream()
                .map(c -> new Summary(c, c.publishProblems(keys, active),
                        (int) c.recipientStates(keys, active).stream().filter(RecipientState::isReady).count()))
                .toList();
    }

    @Transactional
    public Channel get(UUID id) {
        return channels.find(id).orElseThrow(ChannelNotFound::new);
    }

    /** The channel's recipients with their state now, by name. */
    @Transactional
    public List<Recipient> recipients(Channel channel) {
        Map<UUID, StaffMember> staff = staffById(channel.recipients());
        return channel.recipientStates(keys(), activeInvestigatorIds()).stream()
                .map(state -> {
                    StaffMember member = staff.get(state.staffId());
                    return member == null
                            ? new Recipient(state.staffId(), "?", "?", state)
                            : new Recipient(member.id(), member.displayName().value(), member.username().value(), state);
                })
                .toList();
    }

    /** What stands in the way of publishing the channel now; empty when it may be published. */
    @Transactional
    public List<Problem> publishProblems(Channel channel) {
        return channel.publishProblems(keys(), activeInvestigatorIds());
    }

    /** The enabled investigators, who may be chosen as recipients, by name. */
    @Transactional
    public List<StaffMember> investigators() {
        return em.createQuery("select distinct s from StaffMember s join s.roles r where r = :role and s.enabled = true",
                        StaffMember.class)
                .setParameter("role", Role.INVESTIGATOR)
                .getResultStream()
                .sorted(java.util.Comparator.comparing(s -> s.displayName().value().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** Creates an unpublished channel; refuses an invalid or taken slug and missing names. */
    @Transactional
    public Channel create(SignedInStaff actor, String slug, Map<Locale, ChannelText> texts) {
        String checked = Channel.checkSlug(slug);
        if (channels.findBySlug(checked).isPresent()) {
            throw new InvalidChannelInput("channel.slug.taken", checked);
        }
        Channel channel = new Channel(checked, channels.nextPosition(), LocalDate.now(clock), texts);
        channels.add(channel);
        try {
            em.flush();
        } catch (PersistenceException raced) {
            // Another administrator took the slug a moment ago; the unique constraint said so.
            throw new InvalidChannelInput("channel.slug.taken", checked);
        }
        audit.record(event(AuditAction.CHANNEL_CREATED, actor, channel).with("slug", checked));
        return channel;
    }

    @Transactional
    public void changeTexts(SignedInStaff actor, UUID id, Map<Locale, ChannelText> texts) {
        Channel channel = get(id);
        channel.changeTexts(texts);
        changed(actor, channel, "texts");
    }

    /**
     * Makes these staff members the recipients. Each must be an enabled investigator. A published
     * channel keeps at least one recipient who can receive reports: withdraw it first otherwise.
     */
    @Transactional
    public void chooseRecipients(SignedInStaff actor, UUID id, Collection<UUID> staffIds) {
        Channel channel = get(id);
        Map<UUID, StaffMember> staff = staffById(new HashSet<>(staffIds));
        if (staff.size() != new HashSet<>(staffIds).size()) {
            throw new InvalidChannelInput("channel.recipient.unknown");
        }
        channel.chooseRecipients(staff.values());
        if (channel.isPublished() && !channel.isReceivable(keys(), activeInvestigatorIds())) {
            throw new InvalidChannelInput("channel.recipients.wouldStrand");
        }
        changed(actor, channel, "recipients");
    }

    @Transactional
    public void changeLimits(SignedInStaff actor, UUID id, Retention retention, UploadLimits limits) {
        Channel channel = get(id);
        channel.changeRetention(retention);
        channel.changeUploadLimits(limits);
        changed(actor, channel, "limits");
    }

    @Transactional
    public void addField(SignedInStaff actor, UUID id, QuestionField field) {
        changeQuestionnaire(actor, id, q -> q.with(field));
    }

    @Transactional
    public void replaceField(SignedInStaff actor, UUID id, String key, QuestionField field) {
        changeQuestionnaire(actor, id, q -> q.replacing(key, field));
    }

    @Transactional
    public void moveField(SignedInStaff actor, UUID id, String key, int direction) {
        changeQuestionnaire(actor, id, q -> q.moving(key, direction));
    }

    /** Removes a question; a published channel keeps at least one. */
    @Transactional
    public void removeField(SignedInStaff actor, UUID id, String key) {
        changeQuestionnaire(actor, id, q -> {
            Questionnaire fewer = q.without(key);
            if (fewer.isEmpty() && get(id).isPublished()) {
                throw new InvalidChannelInput("channel.questionnaire.lastOfPublished");
            }
            return fewer;
        });
    }

    private void changeQuestionnaire(SignedInStaff actor, UUID id, UnaryOperator<Questionnaire> change) {
        Channel channel = get(id);
        channel.changeQuestionnaire(change.apply(channel.questionnaire()));
        changed(actor, channel, "questionnaire");
    }

    /**
     * Publishes the channel.
     *
     * @throws PublishRefused when no recipient has a usable key (each recipient's problem named)
     *     or there is no question
     */
    @Transactional
    public void publish(SignedInStaff actor, UUID id) {
        Channel channel = get(id);
        if (channel.isPublished()) {
            return;
        }
        channel.publish(keys(), activeInvestigatorIds());
        audit.record(event(AuditAction.CHANNEL_PUBLISHED, actor, channel));
    }

    @Transactional
    public void withdraw(SignedInStaff actor, UUID id) {
        Channel channel = get(id);
        if (!channel.isPublished()) {
            return;
        }
        channel.withdraw();
        audit.record(event(AuditAction.CHANNEL_WITHDRAWN, actor, channel));
    }

    private AuditEvent changed(SignedInStaff actor, Channel channel, String what) {
        AuditEvent event = event(AuditAction.CHANNEL_CHANGED, actor, channel).with("changed", what);
        audit.record(event);
        return event;
    }

    private static AuditEvent event(AuditAction action, SignedInStaff actor, Channel channel) {
        return AuditEvent.of(action, Actor.staff(actor.id(), actor.username())).about("channel", channel.id());
    }

    /**
     * The keys feature's view of recipients' keys. Until that feature provides one, nobody has
     * a key, so no channel can be published: the safe side.
     */
    RecipientKeys keys() {
        return recipientKeys.isResolvable() ? recipientKeys.get() : staffId -> KeyStatus.noKey();
    }

    private Set<UUID> activeInvestigatorIds() {
        return Set.copyOf(em.createQuery(
                        "select s.id from StaffMember s join s.roles r where r = :role and s.enabled = true", UUID.class)
                .setParameter("role", Role.INVESTIGATOR)
                .getResultList());
    }

    private Map<UUID, StaffMember> staffById(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, StaffMember> found = new java.util.HashMap<>();
        em.createQuery("select s from StaffMember s where s.id in :ids", StaffMember.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(s -> found.put(s.id(), s));
        return found;
    }

    /** There is no channel with this id. */
    public static class ChannelNotFound extends jakarta.ws.rs.NotFoundException {
        private static final long serialVersionUID = 1L;
    }
}
