package org.candor.portal.channel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;

/**
 * A reporting channel: where a whistleblower sends a report, what they are asked, and who
 * receives it.
 *
 * <p>A channel has a name and a description in every portal language, the investigators who
 * receive its reports, a {@link Questionnaire}, a {@link Retention} period and
 * {@link UploadLimits}. It is offered to whistleblowers only once published, and it can be
 * published only while at least one recipient has a usable key: otherwise a whistleblower
 * would write a report that cannot be sealed to anyone. Keys can expire or be revoked after
 * publication; {@link #recipientStates} tells the administrator, and the intake must refuse a
 * submission while {@link #isReceivable} is false.
 *
 * <p>Every change goes through a method that validates first and changes afterwards, so a
 * refused change leaves the channel as it was.
 */
@Entity
@Table(name = "channel")
public class Channel {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    @Id
    private UUID id;

    @Version
    private long version;

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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "channel_recipient", joinColumns = @JoinColumn(name = "channel_id"))
    private Set<Recipient> recipients = new LinkedHashSet<>();

    @Convert(converter = QuestionnaireJson.class)
    @Column(name = "questionnaire", nullable = false)
    private Questionnaire questionnaire = Questionnaire.EMPTY;

    @Column(name = "retention_days", nullable = false)
    private int retentionDays = Retention.DEFAULT.days();

    @Column(name = "uploads_allowed", nullable = false)
    private boolean uploadsAllowed = UploadLimits.DEFAULT.allowed();

    @Column(name = "max_file_bytes", nullable = false)
    private long maxFileBytes = UploadLimits.DEFAULT.maxFileBytes();

    @Column(name = "max_files", nullable = false)
    private int maxFiles = UploadLimits.DEFAULT.maxFiles();

    @Column(name = "max_total_bytes", nullable = false)
    private long maxTotalBytes = UploadLimits.DEFAULT.maxTotalBytes();

    protected Channel() {
        // for JPA
    }

    /**
     * A new, unpublished channel with its text in English and in any other portal language it was
     * given, no recipient, no question, a year's retention and no uploads.
     */
    public Channel(String slug, int position, LocalDate createdOn, Map<Locale, ChannelText> texts) {
        this.slug = checkSlug(slug);
        this.texts = checkTexts(texts);
        this.id = UUID.randomUUID();
        this.position = position;
        this.createdOn = Objects.requireNonNull(createdOn);
    }

    /** Parses a slug as typed: surrounding spaces and upper case are forgiven; the rest must fit. */
    public static String checkSlug(String slug) {
        String typed = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(typed).matches()) {
            throw new InvalidChannelInput("channel.slug.invalid");
        }
        return typed;
    }

    private static Map<String, ChannelText> checkTexts(Map<Locale, ChannelText> texts) {
        Objects.requireNonNull(texts);
        Map<String, ChannelText> byCode = new HashMap<>();
        if (texts.get(Languages.fallback()) == null) {
            throw new InvalidChannelInput("channel.name.missing", Languages.fallback());
        }
        for (Locale language : Languages.supported()) {
            ChannelText text = texts.get(language);
            if (text != null) {
                byCode.put(language.getLanguage(), text);
            }
        }
        return byCode;
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

    public LocalDate createdOn() {
        return createdOn;
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

    /**
     * What this channel lacks in each portal language other than English, where it lacks anything:
     * a missing text is shown in English, and the administrator sees this list.
     */
    public List<MissingTranslation> missingTranslations() {
        ChannelText english = texts.get(Languages.fallback().getLanguage());
        List<MissingTranslation> missing = new ArrayList<>();
        for (Locale language : Languages.supported()) {
            if (language.equals(Languages.fallback())) {
                continue;
            }
            Optional<ChannelText> text = text(language);
            boolean textsMissing = text.isEmpty() || english != null && !english.description().isEmpty()
                    && text.get().description().isEmpty();
            List<String> questions = questionnaire().fields().stream()
                    .filter(field -> field.untranslatedIn(language))
                    .map(field -> field.label().in(Languages.fallback()))
                    .toList();
            if (textsMissing || !questions.isEmpty()) {
                missing.add(new MissingTranslation(language, textsMissing, questions));
            }
        }
        return missing;
    }

    /** Replaces the name and description in every language at once. */
    public void changeTexts(Map<Locale, ChannelText> changed) {
        Map<String, ChannelText> checked = checkTexts(changed);
        texts.clear();
        texts.putAll(checked);
    }

    /** The staff ids of the investigators who receive this channel's reports. */
    public Set<UUID> recipients() {
        return recipients.stream().map(Recipient::staffId).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Makes these staff members the channel's recipients. Each must be an enabled investigator:
     * an administrator or an oversight member must never receive report contents.
     */
    public void chooseRecipients(Collection<StaffMember> chosen) {
        Set<Recipient> ids = new LinkedHashSet<>();
        for (StaffMember member : chosen) {
            if (!member.holds(Role.INVESTIGATOR)) {
                throw new InvalidChannelInput("channel.recipient.notInvestigator", member.displayName().value());
            }
            if (!member.isEnabled()) {
                throw new InvalidChannelInput("channel.recipient.disabled", member.displayName().value());
            }
            ids.add(new Recipient(member.id()));
        }
        recipients.clear();
        recipients.addAll(ids);
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    /** Replaces the questionnaire; file questions need uploads allowed and must fit the channel's limits. */
    public void changeQuestionnaire(Questionnaire changed) {
        checkFits(changed, uploadLimits());
        this.questionnaire = Objects.requireNonNull(changed);
    }

    public Retention retention() {
        return new Retention(retentionDays);
    }

    public void changeRetention(Retention retention) {
        this.retentionDays = retention.days();
    }

    public UploadLimits uploadLimits() {
        return new UploadLimits(uploadsAllowed, maxFileBytes, maxFiles, maxTotalBytes);
    }

    /** Changes the upload limits; refused while a file question would no longer fit. */
    public void changeUploadLimits(UploadLimits limits) {
        checkFits(questionnaire, limits);
        this.uploadsAllowed = limits.allowed();
        this.maxFileBytes = limits.maxFileBytes();
        this.maxFiles = limits.maxFiles();
        this.maxTotalBytes = limits.maxTotalBytes();
    }

    private static void checkFits(Questionnaire questionnaire, UploadLimits limits) {
        for (QuestionField field : questionnaire.fields()) {
            if (field.type() != FieldType.FILE) {
                continue;
            }
            if (!limits.allowed()) {
                throw new InvalidChannelInput("channel.uploads.neededByField", field.key());
            }
            if (field.maxFileBytes() > limits.maxFileBytes()) {
                throw new InvalidChannelInput("channel.uploads.fieldFileTooLarge", field.key(),
                        limits.maxFileBytes() / UploadLimits.MIB);
            }
            if (field.maxFiles() > limits.maxFiles()) {
                throw new InvalidChannelInput("channel.uploads.fieldTooManyFiles", field.key(), limits.maxFiles());
            }
        }
    }

    /**
     * Checks a whistleblower's answers against the questionnaire and the channel's upload limits.
     * This is what the intake calls before sealing anything.
     */
    public AnswerCheck checkAnswers(SubmittedAnswers answers) {
        AnswerCheck check = questionnaire.check(answers);
        List<Problem> whole = new ArrayList<>();
        List<Long> sizes = answers.fileSizes().entrySet().stream()
                .filter(e -> questionnaire.field(e.getKey()).filter(f -> f.type() == FieldType.FILE).isPresent())
                .flatMap(e -> e.getValue().stream())
                .toList();
        UploadLimits limits = uploadLimits();
        if (!sizes.isEmpty() && !limits.allowed()) {
            whole.add(Problem.of("channel.answer.files.notAllowed"));
        } else if (!sizes.isEmpty()) {
            if (sizes.size() > limits.maxFiles()) {
                whole.add(Problem.of("channel.answer.files.tooManyInAll", limits.maxFiles()));
            }
            if (sizes.stream().mapToLong(Long::longValue).sum() > limits.maxTotalBytes()) {
                whole.add(Problem.of("channel.answer.files.tooLargeInAll", limits.maxTotalBytes() / UploadLimits.MIB));
            }
        }
        if (whole.isEmpty()) {
            return check;
        }
        Map<String, List<Problem>> problems = new java.util.LinkedHashMap<>();
        problems.put(AnswerCheck.WHOLE_FORM, whole);
        problems.putAll(check.problems());
        return new AnswerCheck(check.accepted(), problems);
    }

    /**
     * Each recipient's state: whether a report could be sealed to them now, and if not, why.
     *
     * @param activeInvestigators the staff ids that are enabled investigators today
     */
    public List<RecipientState> recipientStates(RecipientKeys keys, Set<UUID> activeInvestigators) {
        return recipients.stream()
                .map(Recipient::staffId)
                .map(id -> new RecipientState(id, keys.statusOf(id), activeInvestigators.contains(id)))
                .toList();
    }

    /** Whether at least one recipient can receive a report now; the intake refuses reports otherwise. */
    public boolean isReceivable(RecipientKeys keys, Set<UUID> activeInvestigators) {
        return recipientStates(keys, activeInvestigators).stream().anyMatch(RecipientState::isReady);
    }

    /** What stands in the way of publishing; empty when the channel may be published. */
    public List<Problem> publishProblems(RecipientKeys keys, Set<UUID> activeInvestigators) {
        List<Problem> problems = new ArrayList<>();
        if (recipients.isEmpty()) {
            problems.add(Problem.of("channel.publish.noRecipients"));
        } else if (!isReceivable(keys, activeInvestigators)) {
            problems.add(Problem.of("channel.publish.noUsableKey"));
        }
        if (questionnaire.isEmpty()) {
            problems.add(Problem.of("channel.publish.noQuestions"));
        }
        return problems;
    }

    /**
     * Offers the channel to whistleblowers, if at least one recipient has a usable key and there
     * is at least one question.
     *
     * @throws PublishRefused naming what is missing and each recipient's problem
     */
    public void publish(RecipientKeys keys, Set<UUID> activeInvestigators) {
        List<Problem> problems = publishProblems(keys, activeInvestigators);
        if (!problems.isEmpty()) {
            throw new PublishRefused(problems, recipientStates(keys, activeInvestigators));
        }
        published = true;
    }

    /** Stops offering the channel; reports already made stay where they are. */
    public void withdraw() {
        published = false;
    }

    @Override
    public String toString() {
        return "Channel[" + slug + (published ? ", published" : "") + "]";
    }
}
