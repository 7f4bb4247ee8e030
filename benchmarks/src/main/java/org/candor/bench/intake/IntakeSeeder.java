package org.candor.bench.intake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.candor.crypto.InvestigatorKey;

/**
 * Prepares a stopped portal's embedded database for the intake load: one investigator with a
 * key, a channel "load" (one long-text and one choice question) and a channel "big" that takes
 * files of up to 2 GiB. Usage: {@code IntakeSeeder <data dir>}.
 */
public final class IntakeSeeder {

    private static final String QUESTIONNAIRE = """
            {"format":1,"fields":[
             {"key":"what","type":"LONG_TEXT","label":{"en":"What happened?","de":"Was ist passiert?"},"help":{},
              "required":true,"maxLength":100000,"options":[],"maxFiles":0,"maxFileBytes":0},
             {"key":"when","type":"SINGLE_CHOICE","label":{"en":"Still going on?","de":"Dauert es an?"},"help":{},
              "required":true,"maxLength":0,"options":[{"key":"yes","label":{"en":"Yes","de":"Ja"}},
              {"key":"no","label":{"en":"No","de":"Nein"}}],"maxFiles":0,"maxFileBytes":0},
             {"key":"evidence","type":"FILE","label":{"en":"Evidence","de":"Belege"},"help":{},
              "required":false,"maxLength":0,"options":[],"maxFiles":1,"maxFileBytes":2147483648}]}""";

    private IntakeSeeder() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + args[0] + "/database/candor;USER=candor";
        UUID staff = UUID.randomUUID();
        InvestigatorKey key = InvestigatorKey.generate("Load Investigator (Candor)", "load passphrase".toCharArray());
        try (Connection c = DriverManager.getConnection(url)) {
            update(c, "insert into staff_member (id, username, display_name, password_hash, enabled, created_on) "
                    + "values (?, 'load', 'Load Investigator', 'not for sign-in', true, ?)", staff, LocalDate.now());
            update(c, "insert into staff_role (staff_id, role) values (?, 'INVESTIGATOR')", staff);
            update(c, "insert into investigator_key (staff_id, fingerprint, public_armored, locked_secret, origin, "
                    + "created_on) values (?, ?, ?, ?, 'GENERATED', ?)", staff, key.fingerprint(),
                    key.exportPublicArmored(), Base64.getEncoder().encodeToString(key.toStorage()), LocalDate.now());
            channel(c, "load", false, staff);
            channel(c, "big", true, staff);
        }
        System.out.println("seeded channels load and big");
    }

    private static void channel(Connection c, String slug, boolean uploads, UUID recipient) throws Exception {
        UUID id = UUID.randomUUID();
        long twoGiB = 2L * 1024 * 1024 * 1024;
        update(c, "insert into channel (id, slug, published, position, created_on, uploads_allowed, max_file_bytes, "
                + "max_files, max_total_bytes, questionnaire) values (?, ?, true, 1, ?, ?, ?, 1, ?, ?)",
                id, slug, LocalDate.now(), uploads, twoGiB, twoGiB, QUESTIONNAIRE.replace("\n", ""));
        for (String language : new String[] {"en", "de"}) {
            update(c, "insert into channel_text (channel_id, language, name, description) values (?, ?, ?, '')",
                    id, language, slug);
        }
        update(c, "insert into channel_recipient (channel_id, staff_id) values (?, ?)", id, recipient.toString());
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
