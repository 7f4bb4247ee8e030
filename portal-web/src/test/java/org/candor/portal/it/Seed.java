package org.candor.portal.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.candor.crypto.InvestigatorKey;
import org.candor.portal.channel.Questionnaire;
import org.candor.portal.channel.QuestionnaireJson;
import org.candor.portal.staff.PasswordHash;

/**
 * Puts what a test needs straight into the portal's PostgreSQL database, as the admin pages
 * would have: investigators with OpenPGP keys, and published channels with a questionnaire.
 */
public final class Seed {

    private Seed() {
    }

    /** An investigator with a key made now, locked by the passphrase given. */
    public record Investigator(UUID id, String username, InvestigatorKey key) {
    }

    public static Investigator investigator(String username, String password, char[] passphrase) throws Exception {
        UUID id = UUID.randomUUID();
        InvestigatorKey key = InvestigatorKey.generate(username + " (Candor)", passphrase);
        try (Connection c = connect()) {
            update(c, "insert into staff_member (id, username, display_name, password_hash, enabled, created_on) "
                    + "values (?, ?, ?, ?, true, ?)", id, username, username, PasswordHash.of(password.toCharArray()).encoded(),
                    LocalDate.now());
            update(c, "insert into staff_role (staff_id, role) values (?, 'INVESTIGATOR')", id);
            update(c, "insert into investigator_key (staff_id, fingerprint, public_armored, locked_secret, origin, created_on) "
                    + "values (?, ?, ?, ?, 'GENERATED', ?)", id, key.fingerprint(), key.exportPublicArmored(),
                    Base64.getEncoder().encodeToString(key.toStorage()), LocalDate.now());
        }
        return new Investigator(id, username, key);
    }

    /** A published channel with texts in both languages, uploads as given, sealed to the recipients. */
    public static UUID publishedChannel(String slug, Questionnaire questionnaire, boolean uploads, long maxFileBytes,
            UUID... recipients) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = connect()) {
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
