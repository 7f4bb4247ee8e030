package org.candor.portal.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.candor.crypto.InvestigatorKey;
import org.candor.portal.channel.ChoiceOption;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.LocalizedText;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.Questionnaire;
import org.candor.portal.channel.QuestionnaireJson;
import org.candor.portal.staff.PasswordHash;

/**
 * Puts what a test needs straight into the portal's database (PostgreSQL in the integration
 * tests, the bundle's H2 file in the deploy module's), as the admin pages would have:
 * investigators with OpenPGP keys, and published channels with a questionnaire.
 */
public final class Seed {

    private final Callable<Connection> database;

    private Seed(Callable<Connection> database) {
        this.database = database;
    }

    /** Seeds the database a JDBC URL names. */
    public static Seed into(String jdbcUrl) {
        return new Seed(() -> DriverManager.getConnection(jdbcUrl));
    }

    /** A staff member (an investigator, or an oversight member) with a key made now, locked by the passphrase given. */
    public record Investigator(UUID id, String username, InvestigatorKey key) {
    }

    /** An investigator in the integration tests' PostgreSQL database. */
    public static Investigator investigator(String username, String password, char[] passphrase) throws Exception {
        return into(Deployments.databaseUrl()).addInvestigator(username, password, passphrase);
    }

    /** A published channel in the integration tests' PostgreSQL database. */
    public static UUID publishedChannel(String slug, Questionnaire questionnaire, boolean uploads, long maxFileBytes,
            UUID... recipients) throws Exception {
        return into(Deployments.databaseUrl()).addPublishedChannel(slug, questionnaire, uploads, maxFileBytes, recipients);
    }

    public Investigator addInvestigator(String username, String password, char[] passphrase) throws Exception {
        return addWithKey(username, password, passphrase, "INVESTIGATOR");
    }

    /** An oversight member with a key made now: appeals filed from then on are sealed to it too. */
    public Investigator addOversightMember(String username, String password, char[] passphrase) throws Exception {
        return addWithKey(username, password, passphrase, "OVERSIGHT");
    }

    private Investigator addWithKey(String username, String password, char[] passphrase, String role) throws Exception {
        UUID id = UUID.randomUUID();
        InvestigatorKey key = InvestigatorKey.generate(username + " (Candor)", passphrase);
        try (Connection c = database.call()) {
            update(c, "insert into staff_member (id, username, display_name, password_hash, enabled, created_on) "
                    + "values (?, ?, ?, ?, true, ?)", id, username, username, PasswordHash.of(password.toCharArray()).encoded(),
                    LocalDate.now());
            update(c, "insert into staff_role (staff_id, role) values (?, ?)", id, role);
            update(c, "insert into investigator_key (staff_id, fingerprint, public_armored, locked_secret, origin, created_on) "
                    + "values (?, ?, ?, ?, 'GENERATED', ?)", id, key.fingerprint(), key.exportPublicArmored(),
                    Base64.getEncoder().encodeToString(key.toStorage()), LocalDate.now());
        }
        return new Investigator(id, username, key);
    }

    /** A published channel with texts in both languages, uploads as given, sealed to the recipients. */
    public UUID addPublishedChannel(String slug, Questionnaire questionnaire, boolean uploads, long maxFileBytes,
            UUID... recipients) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = database.call()) {
            update(c, "insert into channel (id, slug, published, position, created_on, uploads_allowed, max_file_bytes, "
                    + "max_files, max_total_bytes, questionnaire) values (?, ?, true, 1, ?, ?, ?, 10, ?, ?)",
                    id, slug, LocalDate.now(), uploads, maxFileBytes, maxFileBytes * 10,
                    new QuestionnaireJson().convertToDatabaseColumn(questionnaire));
            for (Map.Entry<Locale, String> text : Map.of(Locale.ENGLISH, "Fraud", Locale.GERMAN, "Betrug").entrySet()) {
                update(c, "insert into channel_text (channel_id, language, name, description) values (?, ?, ?, ?)",
                        id, text.getKey().getLanguage(), text.getValue() + " " + slug, text.getValue());
            }
            for (UUID recipient : recipients) {
                update(c, "insert into channel_recipient (channel_id, staff_id) values (?, ?)", id, recipient.toString());
            }
        }
        return id;
    }

    /**
     * A questionnaire like a real channel's: "what" (long text, required), "where" (short
     * text), "when" (single choice yes/no, required) and "evidence" (up to 3 files).
     */
    public static Questionnaire sampleQuestionnaire(long maxFileBytes) {
        return new Questionnaire(List.of(
                QuestionField.text("what", FieldType.LONG_TEXT, text("What happened?", "Was ist passiert?"), null, true, 5000),
                QuestionField.text("where", FieldType.SHORT_TEXT, text("Where?", "Wo?"), null, false, 200),
                QuestionField.choice("when", FieldType.SINGLE_CHOICE, text("Still going on?", "Dauert es an?"), null, true,
                        List.of(new ChoiceOption("yes", text("Yes", "Ja")), new ChoiceOption("no", text("No", "Nein")))),
                QuestionField.file("evidence", text("Evidence", "Belege"), null, false, 3, maxFileBytes)));
    }

    /** {@link #sampleQuestionnaire} with its single-choice question "when" marked as the channel's category. */
    public static Questionnaire categorisedQuestionnaire(long maxFileBytes) {
        Questionnaire sample = sampleQuestionnaire(maxFileBytes);
        return sample.replacing("when", sample.field("when").orElseThrow().asCategory(true));
    }

    private static LocalizedText text(String english, String german) {
        return LocalizedText.required(Map.of(Locale.ENGLISH, english, Locale.GERMAN, german), 300, "label");
    }

    /** A staff member holding one role, signing in with the password given, without a key. */
    public static UUID staffMember(String username, String password, String role) throws Exception {
        UUID id = UUID.randomUUID();
        execute("insert into staff_member (id, username, display_name, password_hash, enabled, created_on)"
                + " values (?, ?, ?, ?, true, ?)", id, username, username, PasswordHash.of(password.toCharArray()).encoded(),
                LocalDate.now());
        execute("insert into staff_role (staff_id, role) values (?, ?)", id, role);
        return id;
    }

    /** Runs one SQL statement in the integration tests' PostgreSQL database, as an operator would. */
    public static void execute(String sql, Object... values) throws Exception {
        try (Connection c = connect()) {
            update(c, sql, values);
        }
    }

    /** A connection to the integration tests' PostgreSQL database. */
    public static Connection connect() throws Exception {
        return DriverManager.getConnection(Deployments.databaseUrl());
    }

    private static void update(Connection c, String sql, Object... values) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
