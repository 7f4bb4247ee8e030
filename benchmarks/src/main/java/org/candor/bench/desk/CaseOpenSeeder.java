package org.candor.bench.desk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.candor.crypto.InvestigatorKey;
import org.candor.portal.staff.PasswordHash;

/**
 * Prepares a stopped portal's embedded database for {@link CaseOpen}: one investigator who signs in with a password
 * (the second factor is enrolled at the first sign-in, as for a new staff member) and holds a key, and a channel
 * "open" whose one file question takes up to ten files of 10 MiB. Runs with the portal's own classes on the class
 * path, for its password hashing. Usage: {@code CaseOpenSeeder <data dir> <username> <password> <key passphrase>}.
 */
public final class CaseOpenSeeder {

    static final int FILES = 10;
    static final long MIB = 1024L * 1024;

    private CaseOpenSeeder() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + args[0] + "/database/candor;USER=candor";
        UUID staff = UUID.randomUUID();
        InvestigatorKey key = InvestigatorKey.generate("Open Investigator (Candor)", args[3].toCharArray());
        String questionnaire = ("{'format':1,'fields':["
                + "{'key':'what','type':'LONG_TEXT','label':{'en':'What happened?','de':'Was ist passiert?'},'help':{},"
                + "'required':true,'maxLength':100000,'options':[],'maxFiles':0,'maxFileBytes':0},"
                + "{'key':'evidence','type':'FILE','label':{'en':'Evidence','de':'Belege'},'help':{},"
                + "'required':false,'maxLength':0,'options':[],'maxFiles':" + FILES + ",'maxFileBytes':" + 10 * MIB + "}]}")
                .replace('\'', '"');
        try (Connection c = DriverManager.getConnection(url)) {
            update(c, "insert into staff_member (id, username, display_name, password_hash, enabled, created_on) "
                    + "values (?, ?, 'Open Investigator', ?, true, ?)", staff, args[1],
                    PasswordHash.of(args[2].toCharArray()).encoded(), LocalDate.now());
            update(c, "insert into staff_role (staff_id, role) values (?, 'INVESTIGATOR')", staff);
            update(c, "insert into investigator_key (staff_id, fingerprint, public_armored, locked_secret, origin, "
                    + "created_on) values (?, ?, ?, ?, 'GENERATED', ?)", staff, key.fingerprint(),
                    key.exportPublicArmored(), Base64.getEncoder().encodeToString(key.toStorage()), LocalDate.now());
            UUID channel = UUID.randomUUID();
            update(c, "insert into channel (id, slug, published, position, created_on, uploads_allowed, max_file_bytes, "
                    + "max_files, max_total_bytes, questionnaire) values (?, 'open', true, 1, ?, true, ?, ?, ?, ?)",
                    channel, LocalDate.now(), 10 * MIB, FILES, FILES * 10 * MIB, questionnaire);
            for (String language : new String[] {"en", "de"}) {
                update(c, "insert into channel_text (channel_id, language, name, description) values (?, ?, 'open', '')",
                        channel, language);
            }
            update(c, "insert into channel_recipient (channel_id, staff_id) values (?, ?)", channel, staff.toString());
        }
        System.out.println("seeded investigator " + args[1] + " and channel open");
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
