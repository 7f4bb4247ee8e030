package org.candor.portal.admin.channels;

import static org.candor.portal.it.Browserless.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.UUID;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Deployments;
import org.candor.portal.staff.PasswordHash;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An administrator sets up a channel over HTTP, as a browser without JavaScript would: refused
 * forms come back with what was typed and the reason, and publishing without a usable key is
 * refused with what each recipient must do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChannelPagesIT {

    private static final String PASSWORD = "copper meadow lantern ninety";

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @Test
    void anAdministratorCreatesAChannelThroughPlainFormsAndCannotPublishItWithoutAUsableKey() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String adminName = "chan-admin-" + run;
        insertStaff(adminName, "Chan Admin", "ADMINISTRATOR");
        UUID ines = insertStaff("chan-ines-" + run, "Ines Keyless", "INVESTIGATOR");
        Browserless admin = signedIn(adminName);

        HttpResponse<String> missing = admin.post("/admin/channels", "slug", "safety-" + run,
                "name_en", "Safety at work", "name_de", " ", "description_en", "Hazards", "description_de", "Gefahren");
        assertEquals(422, missing.statusCode());
        assertTrue(missing.body().contains("The name is missing in German."), missing.body());
        assertTrue(missing.body().contains("value=\"Safety at work\""), "what was typed comes back");

        HttpResponse<String> badSlug = admin.post("/admin/channels", "slug", "Safety at work!",
                "name_en", "Safety", "name_de", "Sicherheit");
        assertEquals(422, badSlug.statusCode());
        assertTrue(badSlug.body().contains("The address must have 1 to 64 lower-case letters"));

        HttpResponse<String> created = admin.post("/admin/channels", "slug", "safety-" + run,
                "name_en", "Safety at work", "name_de", "Arbeitssicherheit", "description_en", "Hazards",
                "description_de", "Gefahren");
        assertEquals(303, created.statusCode(), created.body());
        String channel = location(created);
        assertTrue(admin.follow(created).body().contains("The channel was created as a draft."));

        HttpResponse<String> taken = admin.post("/admin/channels", "slug", "safety-" + run,
                "name_en", "Again", "name_de", "Nochmal");
        assertTrue(taken.body().contains("Another channel already has the address"), taken.body());

        HttpResponse<String> oneOption = admin.post(channel + "/fields", "type", "SINGLE_CHOICE", "key", "where",
                "label_en", "Where?", "label_de", "Wo?", "option_key_0", "", "option_en_0", "Office",
                "option_de_0", "Büro");
        assertEquals(422, oneOption.statusCode());
        assertTrue(oneOption.body().contains("A choice needs at least 2 options."));
        assertTrue(oneOption.body().contains("value=\"Office\""));

        assertEquals(303, admin.post(channel + "/fields", "type", "LONG_TEXT", "key", "story", "label_en",
                "What happened?", "label_de", "Was ist passiert?", "required", "on", "maxLength", "5000").statusCode());
        HttpResponse<String> duplicate = admin.post(channel + "/fields", "type", "DATE", "key", "story",
                "label_en", "When?", "label_de", "Wann?");
        assertTrue(duplicate.body().contains("Another question already has the key"), duplicate.body());

        String overview = admin.get(channel).body();
        assertTrue(overview.contains("Readers of these languages see the English text in their place"), overview);
        assertTrue(overview.contains("<li>French: the name or description; the question \u201cWhat happened?\u201d</li>"),
                "a translation left out is listed for the administrator, and the channel is kept");
        assertFalse(overview.contains("<li>German:"), "German has every text");

        HttpResponse<String> absurd = admin.post(channel + "/limits", "retentionDays", "99999", "maxFileMib", "10",
                "maxFiles", "3", "maxTotalMib", "30");
        assertEquals(422, absurd.statusCode());
        assertTrue(absurd.body().contains("Cases must be kept between 30 and 3,650 days."), absurd.body());
        assertTrue(absurd.body().contains("value=\"99999\""));

        HttpResponse<String> notInvestigator = admin.post(channel + "/recipients", "recipient", staffId(adminName).toString());
        assertTrue(notInvestigator.body().contains("Chan Admin is not an investigator"), notInvestigator.body());
        assertEquals(303, admin.post(channel + "/recipients", "recipient", ines.toString()).statusCode());

        HttpResponse<String> refused = admin.post(channel + "/publish");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("This channel cannot be published yet."));
        assertTrue(refused.body().contains("Ines Keyless has no key yet."), refused.body());
        assertTrue(refused.body().contains("Ask Ines Keyless to sign in"));

        HttpResponse<String> list = admin.get("/admin/channels");
        assertTrue(list.body().contains("Safety at work"));
        assertTrue(list.body().contains("0 of 1 can receive reports"));
    }

    /**
     * A state-changing request of a session needs the session's synchronizer token: without it, or
     * with another session's, it is refused with a page that says so, and nothing changes.
     */
    @Test
    void aFormWithoutThisSessionsTokenIsRefusedAndChangesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        insertStaff("tok-admin-" + run, "Token Admin", "ADMINISTRATOR");
        insertStaff("tok-other-" + run, "Other Admin", "ADMINISTRATOR");
        Browserless admin = signedIn("tok-admin-" + run);
        Browserless other = signedIn("tok-other-" + run);
        admin.get("/admin/channels");
        other.get("/admin/channels");
        String own = admin.sessionToken();
        String foreign = other.sessionToken();
        assertTrue(own != null && foreign != null && !own.equals(foreign), "each session has its own token");
        assertTrue(own.length() >= 43, "256 bits");

        String[] form = {"slug", "forged-" + run, "name_en", "Forged", "name_de", "Gefälscht",
                "description_en", "x", "description_de", "x"};
        HttpResponse<String> without = admin.postWithToken(null, "/admin/channels", form);
        assertEquals(403, without.statusCode(), without.body());
        assertTrue(without.body().contains("Nothing was changed"), without.body());
        HttpResponse<String> stolen = admin.postWithToken(foreign, "/admin/channels", form);
        assertEquals(403, stolen.statusCode(), stolen.body());
        HttpResponse<String> garbled = admin.postWithToken(own.substring(1), "/admin/channels", form);
        assertEquals(403, garbled.statusCode(), garbled.body());
        HttpResponse<String> signOut = admin.postWithToken(null, "/staff/sign-out");
        assertEquals(403, signOut.statusCode(), "sign-out is state-changing too");
        assertTrue(!admin.get("/admin/channels").body().contains("forged-" + run), "nothing was created");
        assertEquals(200, admin.get("/admin/channels").statusCode(), "the session is still signed in");

        HttpResponse<String> created = admin.post("/admin/channels", form);
        assertEquals(303, created.statusCode(), created.body());
        assertTrue(admin.get("/admin/channels").body().contains("Forged"));
        assertEquals(303, admin.post("/staff/sign-out").statusCode());
    }

    private Browserless signedIn(String username) throws Exception {
        return new Browserless(deployed).signInStaff(username, PASSWORD);
    }

    private static UUID insertStaff(String username, String name, String role) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(Deployments.databaseUrl())) {
            try (PreparedStatement s = c.prepareStatement("insert into staff_member (id, username, display_name, "
                    + "password_hash, enabled, created_on) values (?, ?, ?, ?, true, ?)")) {
                s.setObject(1, id);
                s.setString(2, username);
                s.setString(3, name);
                s.setString(4, PasswordHash.of(PASSWORD.toCharArray()).encoded());
                s.setObject(5, LocalDate.now());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into staff_role (staff_id, role) values (?, ?)")) {
                s.setObject(1, id);
                s.setString(2, role);
                s.executeUpdate();
            }
        }
        return id;
    }

    private static UUID staffId(String username) throws Exception {
        try (Connection c = DriverManager.getConnection(Deployments.databaseUrl());
                PreparedStatement s = c.prepareStatement("select id from staff_member where username = ?")) {
            s.setString(1, username);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }
}
