package org.candor.portal.admin.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.candor.crypto.InvestigatorKey;
import org.candor.crypto.KeyRejected;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.ChannelText;
import org.candor.portal.channel.ChoiceOption;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.InvalidChannelInput;
import org.candor.portal.channel.KeyStatus;
import org.candor.portal.channel.LocalizedText;
import org.candor.portal.channel.Problem;
import org.candor.portal.channel.PublishRefused;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.Questionnaire;
import org.candor.portal.channel.RecipientState;
import org.candor.portal.channel.Retention;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.it.Deployments;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.candor.portal.staff.DisplayName;
import org.candor.portal.staff.PasswordHash;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.StaffRepository;
import org.candor.portal.staff.Username;
import org.candor.portal.staff.session.SignedInStaff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Channel administration inside Payara Micro on PostgreSQL: a full questionnaire survives the
 * round trip, publication is refused with each recipient's problem and allowed once a key is
 * usable, and refused changes save nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ChannelAdministrationIT {

    private static final PasswordHash ANY_HASH = PasswordHash.parse(
            "$argon2id$v=19$m=47104,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g");

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(ChannelAdministrationIT.class, Deployments.class,
                SettableRecipientKeys.class);
    }

    @Inject
    ChannelAdministration administration;

    @Inject
    ChannelRepository channels;

    @Inject
    StaffRepository staff;

    @Inject
    SettableRecipientKeys keys;

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    DataSource dataSource;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final SignedInStaff admin = new SignedInStaff(UUID.randomUUID(), "it-admin", "Ada Admin",
            Set.of(Role.ADMINISTRATOR));

    private StaffMember member(String name, Role role) {
        StaffMember member = new StaffMember(new Username(name + "-" + run), new DisplayName("Name " + name),
                ANY_HASH, role, LocalDate.now());
        staff.add(member);
        return member;
    }

    private Channel newChannel(String slug) {
        return administration.create(admin, slug + "-" + run, Map.of(
                Locale.ENGLISH, new ChannelText("Fraud", "Money that went missing"),
                Locale.GERMAN, new ChannelText("Betrug", "Verschwundenes Geld")));
    }

    private static LocalizedText both(String english, String german) {
        return new LocalizedText(Map.of("en", english, "de", german));
    }

    private static QuestionField story() {
        return QuestionField.text("story", FieldType.LONG_TEXT, both("What happened?", "Was ist passiert?"),
                both("Dates, places, amounts.", "Daten, Orte, Beträge."), true, 20_000);
    }

    @Test
    void keepsAFullQuestionnaireWithRecipientsAndLimitsOnPostgreSql() {
        StaffMember ines = member("ines", Role.INVESTIGATOR);
        Channel created = newChannel("roundtrip");
        administration.chooseRecipients(admin, created.id(), List.of(ines.id()));
        administration.changeLimits(admin, created.id(), new Retention(730),
                new UploadLimits(true, 200 * UploadLimits.MIB, 8, 1000 * UploadLimits.MIB));
        List<QuestionField> asked = List.of(
                QuestionField.text("subject", FieldType.SHORT_TEXT, both("Subject \"quoted\"", "Betreff"),
                        LocalizedText.NONE, true, 120),
                story(),
                QuestionField.choice("where", FieldType.SINGLE_CHOICE, both("Where?", "Wo?"), LocalizedText.NONE, false,
                        List.of(new ChoiceOption("office", both("Office", "Büro")),
                                new ChoiceOption("plant", both("Plant", "Werk")))),
                QuestionField.choice("who", FieldType.MULTIPLE_CHOICE, both("Who?", "Wer?"), LocalizedText.NONE, false,
                        List.of(new ChoiceOption("boss", both("Boss", "Chef")),
                                new ChoiceOption("peer", both("Peer", "Kollege")),
                                new ChoiceOption("other", both("Other ✓", "Andere ✓")))),
                QuestionField.date("when", both("When?", "Wann?"), LocalizedText.NONE, false),
                QuestionField.file("proof", both("Proof", "Beleg"), both("Scans", "Scans"), false, 4,
                        50 * UploadLimits.MIB));
        for (QuestionField field : asked) {
            administration.addField(admin, created.id(), field);
        }
        administration.moveField(admin, created.id(), "story", -1);

        Channel found = channels.findBySlug("roundtrip-" + run).orElseThrow();
        assertEquals(List.of("story", "subject", "where", "who", "when", "proof"),
                found.questionnaire().fields().stream().map(QuestionField::key).toList());
        assertEquals(new Questionnaire(List.of(asked.get(1), asked.get(0), asked.get(2), asked.get(3), asked.get(4),
                asked.get(5))), found.questionnaire());
        assertEquals("Andere ✓", found.questionnaire().field("who").orElseThrow().option("other").orElseThrow()
                .label().in(Locale.GERMAN));
        assertEquals(Set.of(ines.id()), found.recipients());
        assertEquals(730, found.retention().days());
        assertEquals(new UploadLimits(true, 200 * UploadLimits.MIB, 8, 1000 * UploadLimits.MIB), found.uploadLimits());
        assertEquals("Betrug", found.textFor(Locale.GERMAN).name());
        assertFalse(found.isPublished());
    }

    @Test
    void refusesToPublishAndNamesEachRecipientsProblem() throws Exception {
        StaffMember noKey = member("nokey", Role.INVESTIGATOR);
        StaffMember expired = member("expired", Role.INVESTIGATOR);
        keys.set(expired.id(), KeyStatus.unusable(KeyRejected.Reason.EXPIRED));
        Channel channel = newChannel("refused");
        administration.chooseRecipients(admin, channel.id(), List.of(noKey.id(), expired.id()));
        administration.addField(admin, channel.id(), story());

        PublishRefused refused = assertThrows(PublishRefused.class, () -> administration.publish(admin, channel.id()));

        assertEquals(List.of(Problem.of("channel.publish.noUsableKey")), refused.problems());
        Map<UUID, String> why = new HashMap<>();
        for (RecipientState state : refused.recipients()) {
            why.put(state.staffId(), state.problemKey());
        }
        assertEquals(Map.of(noKey.id(), "channel.recipient.noKey", expired.id(), "channel.recipient.key.EXPIRED"), why);
        List<ChannelAdministration.Recipient> shown = administration.recipients(channels.find(channel.id()).orElseThrow());
        assertTrue(shown.stream().anyMatch(r -> r.displayName().equals("Name expired")
                && r.state().adviceKey().equals("channel.recipient.key.advice")));
        assertFalse(channels.find(channel.id()).orElseThrow().isPublished());
        assertFalse(channels.published().stream().anyMatch(c -> c.id().equals(channel.id())));
        assertEquals(0, auditEntries("CHANNEL_PUBLISHED", channel.id()));
    }

    @Test
    void publishesOnceARecipientHasAUsableKeyAndWarnsWhenItIsLost() throws Exception {
        StaffMember ines = member("ready", Role.INVESTIGATOR);
        StaffMember ivan = member("later", Role.INVESTIGATOR);
        keys.set(ines.id(), KeyStatus.usable(
                InvestigatorKey.generate("Ines <ines@example.org>", "a long passphrase".toCharArray()).recipient()));
        Channel channel = newChannel("published");
        administration.chooseRecipients(admin, channel.id(), List.of(ines.id(), ivan.id()));
        administration.addField(admin, channel.id(), story());

        administration.publish(admin, channel.id());

        assertTrue(channels.published().stream().anyMatch(c -> c.id().equals(channel.id())), "offered on the start page");
        assertEquals(1, auditEntries("CHANNEL_PUBLISHED", channel.id()));
        assertEquals(1, auditEntries("CHANNEL_CREATED", channel.id()));

        keys.set(ines.id(), KeyStatus.unusable(KeyRejected.Reason.REVOKED));
        ChannelAdministration.Summary summary = administration.list().stream()
                .filter(s -> s.channel().id().equals(channel.id())).findFirst().orElseThrow();
        assertTrue(summary.channel().isPublished(), "stays published and visible to the administrator");
        assertFalse(summary.receivable());
        assertEquals(List.of(Problem.of("channel.publish.noUsableKey")), summary.problems());

        administration.withdraw(admin, channel.id());
        assertFalse(channels.find(channel.id()).orElseThrow().isPublished());
        assertEquals(1, auditEntries("CHANNEL_WITHDRAWN", channel.id()));
    }

    @Test
    void refusedChangesSaveNothing() throws Exception {
        StaffMember ines = member("keep", Role.INVESTIGATOR);
        StaffMember oversight = member("watcher", Role.OVERSIGHT);
        Channel channel = newChannel("atomic");
        administration.chooseRecipients(admin, channel.id(), List.of(ines.id()));
        administration.changeLimits(admin, channel.id(), new Retention(365),
                new UploadLimits(true, 10 * UploadLimits.MIB, 2, 20 * UploadLimits.MIB));
        administration.addField(admin, channel.id(), QuestionField.file("proof", both("Proof", "Beleg"),
                LocalizedText.NONE, false, 2, 10 * UploadLimits.MIB));
        long changesBefore = auditEntries("CHANNEL_CHANGED", channel.id());

        assertEquals("channel.slug.taken", assertThrows(InvalidChannelInput.class,
                () -> newChannel("atomic")).problem().key());
        assertEquals(Problem.of("channel.recipient.notInvestigator", "Name watcher"), assertThrows(
                InvalidChannelInput.class,
                () -> administration.chooseRecipients(admin, channel.id(), List.of(ines.id(), oversight.id()))).problem());
        assertEquals("channel.recipient.unknown", assertThrows(InvalidChannelInput.class,
                () -> administration.chooseRecipients(admin, channel.id(), List.of(UUID.randomUUID()))).problem().key());
        assertEquals("channel.field.key.duplicate", assertThrows(InvalidChannelInput.class,
                () -> administration.addField(admin, channel.id(), QuestionField.text("proof", FieldType.SHORT_TEXT,
                        both("Again", "Nochmal"), LocalizedText.NONE, false, 10))).problem().key());
        assertEquals("channel.uploads.neededByField", assertThrows(InvalidChannelInput.class,
                () -> administration.changeLimits(admin, channel.id(), new Retention(90), UploadLimits.DEFAULT))
                .problem().key());

        Channel after = channels.find(channel.id()).orElseThrow();
        assertEquals(Set.of(ines.id()), after.recipients());
        assertEquals(365, after.retention().days(), "the valid half of a refused form was not saved either");
        assertTrue(after.uploadLimits().allowed());
        assertEquals(List.of("proof"), after.questionnaire().fields().stream().map(QuestionField::key).toList());
        assertEquals(1, channels.all().stream().filter(c -> c.slug().equals("atomic-" + run)).count());
        assertEquals(changesBefore, auditEntries("CHANNEL_CHANGED", channel.id()), "nothing refused was audited");
    }

    private long auditEntries(String action, UUID channelId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from audit_entry where action = ? and subject_kind = 'channel' and subject_id = ?")) {
            s.setString(1, action);
            s.setString(2, channelId.toString());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
