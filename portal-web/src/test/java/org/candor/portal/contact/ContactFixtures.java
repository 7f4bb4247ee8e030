package org.candor.portal.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.InvestigatorKey;
import org.candor.portal.admin.channels.SettableRecipientKeys;
import org.candor.portal.appeal.AppealDecision;
import org.candor.portal.appeal.Appeals;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseMessages;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.Outcome;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelText;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.KeyStatus;
import org.candor.portal.channel.LocalizedText;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.Questionnaire;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.intake.Intake;
import org.candor.portal.intake.SubmissionOutcome;
import org.candor.portal.casefile.upload.SubmissionPart;
import org.candor.portal.staff.DisplayName;
import org.candor.portal.staff.PasswordHash;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.Username;

/**
 * Test-only endpoints, deployed with ContactFlowIT alone, that stand in for the desk and
 * oversight: make a case through the intake, reply, move the case, decide an appeal, and set
 * the sign-in throttle. Never part of the portal.
 */
@Path("it-contact")
@Produces(MediaType.TEXT_PLAIN)
@ApplicationScoped
public class ContactFixtures {

    static final String STORY_LABEL = "What happened?";

    @PersistenceContext(unitName = "candor")
    EntityManager em;

    @Inject
    SettableRecipientKeys keys;

    @Inject
    Intake intake;

    @Inject
    CaseMessages messages;

    @Inject
    Appeals appeals;

    @Inject
    ContactSignIn signIn;

    @Inject
    Setup setup;

    private UUID investigator;

    /** Makes a published channel and a case sent through the intake; answers "caseId code". */
    @POST
    @Path("case")
    public String newCase(@QueryParam("story") String story) throws Exception {
        Channel channel = setup.channel();
        investigator = channel.recipients().iterator().next();
        Iterator<SubmissionPart> parts = List.<SubmissionPart>of(part("story", story)).iterator();
        SubmissionOutcome outcome = intake.receive(channel, parts, Locale.ENGLISH);
        SubmissionOutcome.Received received = (SubmissionOutcome.Received) outcome;
        return received.caseId() + " " + received.replyCode();
    }

    @POST
    @Path("reply")
    public String reply(@QueryParam("case") UUID caseId, @QueryParam("text") String text) throws Exception {
        try (CaseMessages.Draft draft = messages.draft(caseId, ItemKind.INVESTIGATOR_REPLY)) {
            draft.text(text);
            return draft.send(Optional.of(investigator)).toString();
        }
    }

    /**
     * An investigator's message of a kind (for example INVESTIGATOR_REPLY or INTERNAL_NOTE) with one
     * file of {@code bytes} bytes repeating {@code fill}; answers "messageId fileId".
     */
    @POST
    @Path("message-with-file")
    public String messageWithFile(@QueryParam("case") UUID caseId, @QueryParam("kind") ItemKind kind,
            @QueryParam("text") String text, @QueryParam("name") String name, @QueryParam("fill") String fill,
            @QueryParam("bytes") int bytes) throws Exception {
        byte[] content = new byte[bytes];
        byte[] pattern = fill.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes; i++) {
            content[i] = pattern[i % pattern.length];
        }
        try (CaseMessages.Draft draft = messages.draft(caseId, kind)) {
            draft.text(text);
            UUID file = draft.attach(name, "text/plain", new ByteArrayInputStream(content)).orElseThrow().item();
            return draft.send(Optional.of(investigator)) + " " + file;
        }
    }

    @POST
    @Path("conclude")
    public String conclude(@QueryParam("case") UUID caseId, @QueryParam("grounds") String grounds) throws Exception {
        setup.conclude(caseId);
        try (CaseMessages.Draft draft = messages.draft(caseId, ItemKind.OUTCOME_GROUNDS)) {
            draft.text(grounds);
            return draft.send(Optional.of(investigator)).toString();
        }
    }

    /** Adds an enabled oversight member with a usable key; answers the key's fingerprint. */
    @POST
    @Path("oversight")
    public String oversight() {
        return setup.oversightMember();
    }

    @POST
    @Path("decide")
    public String decide(@QueryParam("case") UUID caseId, @QueryParam("grounds") String grounds) throws Exception {
        return appeals.decide(caseId, AppealDecision.PARTLY_UPHELD, grounds, investigator).toString();
    }

    @POST
    @Path("throttle")
    public String throttle(@QueryParam("failures") int failures, @QueryParam("perCode") int perCode,
            @QueryParam("millis") long millis) {
        signIn.throttle().configure(new SignInThrottle.Settings(failures, perCode, Duration.ofMillis(millis)));
        return "ok";
    }

    private static SubmissionPart part(String field, String value) {
        return new SubmissionPart() {
            @Override
            public String field() {
                return field;
            }

            @Override
            public Optional<String> fileName() {
                return Optional.empty();
            }

            @Override
            public String contentType() {
                return "";
            }

            @Override
            public InputStream stream() {
                return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** The transactional part of the fixtures. */
    @ApplicationScoped
    public static class Setup {
        private static final PasswordHash ANY_HASH = PasswordHash.parse(
                "$argon2id$v=19$m=47104,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g");

        @PersistenceContext(unitName = "candor")
        EntityManager em;

        @Inject
        SettableRecipientKeys keys;

        @Transactional
        public Channel channel() {
            String run = UUID.randomUUID().toString().substring(0, 8);
            StaffMember member = new StaffMember(new Username("ines-" + run), new DisplayName("Ines"), ANY_HASH,
                    Role.INVESTIGATOR, LocalDate.now());
            em.persist(member);
            InvestigatorKey key = InvestigatorKey.generate("Ines <ines@example.org>", "a long passphrase".toCharArray());
            keys.set(member.id(), new KeyStatus.Usable(key.recipient()));
            Channel channel = new Channel("contact-" + run, 1, LocalDate.now(),
                    Map.of(Locale.ENGLISH, new ChannelText("Fraud", "Money"), Locale.GERMAN, new ChannelText("Betrug", "Geld")));
            channel.chooseRecipients(List.of(member));
            channel.changeQuestionnaire(new Questionnaire(List.of(QuestionField.text("story", FieldType.LONG_TEXT,
                    new LocalizedText(Map.of("en", STORY_LABEL, "de", "Was ist passiert?")), LocalizedText.NONE, true, 20_000))));
            channel.changeUploadLimits(new UploadLimits(true, 10 * UploadLimits.MIB, 5, 20 * UploadLimits.MIB));
            channel.publish(keys, Set.of(member.id()));
            em.persist(channel);
            return channel;
        }

        @Transactional
        public String oversightMember() {
            String run = UUID.randomUUID().toString().substring(0, 8);
            StaffMember member = new StaffMember(new Username("otto-" + run), new DisplayName("Otto"), ANY_HASH,
                    Role.OVERSIGHT, LocalDate.now());
            em.persist(member);
            InvestigatorKey key = InvestigatorKey.generate("Otto <otto@example.org>", "a long passphrase".toCharArray());
            keys.set(member.id(), new KeyStatus.Usable(key.recipient()));
            return key.recipient().fingerprint();
        }

        @Transactional
        public void conclude(UUID caseId) {
            CaseFile caseFile = em.find(CaseFile.class, caseId);
            caseFile.acknowledge(LocalDate.now());
            caseFile.startAssessment(LocalDate.now());
            caseFile.conclude(Outcome.SUBSTANTIATED, LocalDate.now());
        }
    }
}
