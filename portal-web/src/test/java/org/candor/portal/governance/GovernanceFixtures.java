package org.candor.portal.governance;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.InvestigatorKey;
import org.candor.portal.admin.channels.SettableRecipientKeys;
import org.candor.portal.audit.AuditHead;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelText;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.KeyStatus;
import org.candor.portal.channel.LocalizedText;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.Questionnaire;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.governance.retention.RetentionRun;
import org.candor.portal.intake.Intake;
import org.candor.portal.intake.SubmissionOutcome;
import org.candor.portal.casefile.upload.SubmissionPart;
import org.candor.portal.staff.DisplayName;
import org.candor.portal.staff.PasswordHash;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.Username;

/**
 * Test-only endpoints, deployed with GovernanceIT alone: a channel published on the transparency
 * page, cases made through the intake, dates moved back as if time had passed, a legal hold, a
 * retention pass on a given day, and the audit chain's verdict. Never part of the portal.
 */
@Path("it-governance")
@Produces(MediaType.TEXT_PLAIN)
@ApplicationScoped
public class GovernanceFixtures {

    @Inject
    Intake intake;

    @Inject
    Setup setup;

    @Inject
    RetentionRun retention;

    @Inject
    AuditLog audit;

    /** Makes a case through the intake in a new channel; answers "caseId code channelId". */
    @POST
    @Path("case")
    public String newCase(@QueryParam("story") String story) throws Exception {
        Channel channel = setup.channel();
        SubmissionOutcome.Received received = (SubmissionOutcome.Received) intake.receive(channel,
                List.<SubmissionPart>of(part("story", story)).iterator(), Locale.ENGLISH);
        return received.caseId() + " " + received.replyCode() + " " + channel.id();
    }

    /** Concludes a case as if it had been, {@code days} ago. */
    @POST
    @Path("concluded")
    public String concluded(@QueryParam("case") UUID caseId, @QueryParam("days") int days) {
        setup.concludedAgo(caseId, days);
        return "ok";
    }

    @POST
    @Path("hold")
    public String hold(@QueryParam("case") UUID caseId) {
        setup.hold(caseId);
        return "ok";
    }

    /** Runs a retention pass as of today; answers "ran deleted failed". */
    @POST
    @Path("run")
    public String run() {
        RetentionRun.Outcome outcome = retention.runOnce();
        return outcome.ran() + " " + outcome.deleted() + " " + outcome.failed();
    }

    @POST
    @Path("verify")
    public String verify() {
        return String.valueOf(audit.verify(Optional.<AuditHead>empty()).isIntact());
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

        private Channel channel;

        @Transactional
        public Channel channel() {
            if (channel != null) {
                return channel;
            }
            String run = UUID.randomUUID().toString().substring(0, 8);
            StaffMember member = new StaffMember(new Username("gov-" + run), new DisplayName("Greta"), ANY_HASH,
                    Role.INVESTIGATOR, LocalDate.now());
            em.persist(member);
            InvestigatorKey key = InvestigatorKey.generate("Greta <greta@example.org>", "a long passphrase".toCharArray());
            keys.set(member.id(), new KeyStatus.Usable(key.recipient()));
            Channel made = new Channel("gov-" + run, 1, LocalDate.now(),
                    Map.of(Locale.ENGLISH, new ChannelText("Fraud", "Money"), Locale.GERMAN, new ChannelText("Betrug", "Geld")));
            made.chooseRecipients(List.of(member));
            made.changeQuestionnaire(new Questionnaire(List.of(QuestionField.text("story", FieldType.LONG_TEXT,
                    new LocalizedText(Map.of("en", "What happened?", "de", "Was ist passiert?")), LocalizedText.NONE, true, 20_000))));
            made.changeUploadLimits(new UploadLimits(true, 10 * UploadLimits.MIB, 5, 20 * UploadLimits.MIB));
            made.publish(keys, Set.of(member.id()));
            em.persist(made);
            em.flush();
            em.createNativeQuery("update channel set published_in_transparency = true where id = cast(?1 as uuid)")
                    .setParameter(1, made.id().toString()).executeUpdate();
            channel = made;
            return made;
        }

        @Transactional
        public void concludedAgo(UUID caseId, int days) {
            LocalDate day = LocalDate.now().minusDays(days);
            em.createNativeQuery("update case_file set status = 'CONCLUDED', received_on = ?2, acknowledged_on = ?2,"
                    + " concluded_on = ?2, next_deadline_on = null, outcome = 'SUBSTANTIATED', last_activity_on = ?2 where id = cast(?1 as uuid)")
                    .setParameter(1, caseId.toString()).setParameter(2, day).executeUpdate();
            em.getEntityManagerFactory().getCache().evictAll();
        }

        @Transactional
        public void hold(UUID caseId) {
            em.createNativeQuery("insert into case_retention (case_id, legal_hold, hold_reason, hold_since)"
                    + " values (cast(?1 as uuid), true, 'PROCEEDINGS', ?2)")
                    .setParameter(1, caseId.toString()).setParameter(2, LocalDate.now()).executeUpdate();
        }
    }
}
