package org.candor.portal.staff.session;

import static org.candor.portal.it.Browserless.byId;
import static org.candor.portal.it.Browserless.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.crypto.RecipientKey;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Deployments;
import org.candor.portal.staff.PasswordHash;
import org.candor.portal.staff.Totp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff as they meet the portal, over HTTP against Payara Micro on PostgreSQL: an administrator
 * signs in and enrols a second factor, invites an investigator, who joins, enrols and sets up
 * an OpenPGP key (made in the portal or brought from GnuPG); wrong, replayed and repeated
 * answers are refused; an administrator reaches no desk page; everything lands in the audit log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffFlowIT {

    private static final String ADMIN = "flow-admin";
    private static final String ADMIN_PASSWORD = "harbour lantern cobalt seven";
    private static final String INVESTIGATOR_PASSWORD = "meadow quartz ticket ember";
    private static final String PASSPHRASE = "a different key passphrase";

    private static byte[] adminSecret;
    private static String adminEnrolmentCode;
    private static List<String> adminRecoveryCodes;
    private static Browserless admin;
    private static Browserless investigator;
    private static String investigatorName;

    @ArquillianResource
    URL deployed;

    @TempDir
    static Path gnupgHome;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @Test
    @Order(1)
    void anAdministratorMustEnrolASecondFactorAtTheFirstSignIn() throws Exception {
        insertAdministrator();
        admin = new Browserless(deployed);
        HttpResponse<String> passed = admin.post("/staff/sign-in", "username", ADMIN, "password", ADMIN_PASSWORD, "next", "");
        assertEquals(303, passed.statusCode());
        assertEquals("/staff/enrol", location(passed));
        List<String> cookies = passed.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("candor_session=")), cookies.toString());
        assertTrue(cookies.stream().allMatch(c -> c.contains("HttpOnly") && c.contains("SameSite=Strict")),
                "the session cookie is HttpOnly and SameSite=Strict: " + cookies);

        HttpResponse<String> enrol = admin.follow(passed);
        assertTrue(enrol.body().contains("<img src=\"/staff/enrol/qr.svg\""), "a QR code drawn by the portal");
        HttpResponse<String> qr = admin.get("/staff/enrol/qr.svg");
        assertEquals("image/svg+xml", qr.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(qr.body().contains("<svg"));
        adminSecret = Browserless.base32(byId(enrol, "secret"));

        HttpResponse<String> wrong = admin.post("/staff/enrol", "code", "000000".equals(now(adminSecret)) ? "111111" : "000000");
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("This code does not match"));

        adminEnrolmentCode = now(adminSecret);
        HttpResponse<String> done = admin.post("/staff/enrol", "code", adminEnrolmentCode);
        assertEquals(200, done.statusCode());
        adminRecoveryCodes = codes(done.body());
        assertEquals(10, adminRecoveryCodes.size());

        HttpResponse<String> home = admin.get("/staff");
        assertTrue(home.body().contains("href=\"/admin/staff\""));
        assertFalse(home.body().contains("href=\"/desk\""), "an administrator has no desk");
    }

    @Test
    @Order(2)
    void repeatedFailuresSlowTheAccountDownWithoutLockingItForGood() throws Exception {
        Browserless guesser = new Browserless(deployed);
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> refused = guesser.post("/staff/sign-in", "username", ADMIN, "password", "wrong guess " + i);
            assertEquals(422, refused.statusCode());
            assertTrue(refused.body().contains("is not right"));
        }
        HttpResponse<String> throttled = guesser.post("/staff/sign-in", "username", ADMIN, "password", ADMIN_PASSWORD);
        assertEquals(422, throttled.statusCode(), "even the right password waits");
        HttpResponse<String> unknown = guesser.post("/staff/sign-in", "username", "nobody-here", "password", "whatever it is");
        assertEquals(422, unknown.statusCode());
        assertEquals(throttled.body().replace(ADMIN, "nobody-here"), unknown.body(),
                "a slowed-down account and an unknown name get the same page: nothing tells that the account exists");

        TimeUnit.SECONDS.sleep(3); // the fourth failure asks for 2 seconds
        HttpResponse<String> passed = guesser.post("/staff/sign-in", "username", ADMIN, "password", ADMIN_PASSWORD);
        assertEquals("/staff/second-factor", location(passed), "the owner gets back in");
        HttpResponse<String> signedIn = guesser.post("/staff/second-factor", "code", adminRecoveryCodes.get(1));
        assertEquals(303, signedIn.statusCode(), "a full sign-in ends the slow-down");
    }

    @Test
    @Order(3)
    void aReplayedCodeIsRefusedAndARecoveryCodeWorksOnce() throws Exception {
        Browserless again = new Browserless(deployed);
        again.post("/staff/sign-in", "username", ADMIN, "password", ADMIN_PASSWORD);
        HttpResponse<String> replay = again.post("/staff/second-factor", "code", adminEnrolmentCode);
        assertEquals(422, replay.statusCode(), "the code used at enrolment cannot be used again");

        String recovery = adminRecoveryCodes.get(0).toLowerCase(Locale.ROOT).replace("-", " ");
        HttpResponse<String> recovered = again.post("/staff/second-factor", "code", recovery);
        assertEquals(303, recovered.statusCode());
        assertEquals(200, again.get("/admin/staff").statusCode());
        again.post("/staff/sign-out");
        assertEquals("/staff/sign-in", location(again.get("/admin/staff")), "signed out: sent to sign in");

        again.post("/staff/sign-in", "username", ADMIN, "password", ADMIN_PASSWORD);
        assertEquals(422, again.post("/staff/second-factor", "code", adminRecoveryCodes.get(0)).statusCode(),
                "a recovery code works once");
    }

    @Test
    @Order(4)
    void anInvitedInvestigatorJoinsOnceAndSetsUpAKeyThatIsNotTheirPassword() throws Exception {
        String link = invite("INVESTIGATOR");
        String path = link.substring(link.indexOf("/staff/invitation/"));
        investigator = new Browserless(deployed);
        assertEquals(200, investigator.get(path).statusCode());
        investigatorName = "ines-" + UUID.randomUUID().toString().substring(0, 6);

        HttpResponse<String> weak = investigator.post(path, "displayName", "Ines", "username", investigatorName,
                "password", "password1234", "passwordRepeat", "password1234");
        assertEquals(422, weak.statusCode());
        assertTrue(weak.body().contains("too easy to guess"));

        HttpResponse<String> joined = investigator.post(path, "displayName", "Ines Investigator", "username",
                investigatorName, "password", INVESTIGATOR_PASSWORD, "passwordRepeat", INVESTIGATOR_PASSWORD);
        assertEquals(200, joined.statusCode());
        assertEquals(410, investigator.get(path).statusCode(), "an invitation works once");

        signInAndEnrol(investigator, investigatorName, INVESTIGATOR_PASSWORD);

        HttpResponse<String> desk = investigator.get("/desk");
        assertEquals("/desk/key/setup", location(desk), "a new investigator sets up a key first");

        HttpResponse<String> same = investigator.post("/desk/key/generate", "passphrase", INVESTIGATOR_PASSWORD,
                "passphraseRepeat", INVESTIGATOR_PASSWORD);
        assertEquals(422, same.statusCode());
        assertTrue(same.body().contains("must differ from your sign-in password"));
        HttpResponse<String> mismatch = investigator.post("/desk/key/generate", "passphrase", PASSPHRASE,
                "passphraseRepeat", PASSPHRASE + "!");
        assertTrue(mismatch.body().contains("not the same"));

        HttpResponse<String> made = investigator.post("/desk/key/generate", "passphrase", PASSPHRASE,
                "passphraseRepeat", PASSPHRASE);
        assertEquals(200, made.statusCode());
        String fingerprint = byId(made, "fingerprint").replace(" ", "");
        assertEquals(40, fingerprint.length());

        HttpResponse<String> exported = investigator.get("/desk/key/public.asc");
        assertTrue(exported.body().startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
        assertEquals(fingerprint, RecipientKey.fromArmored(exported.body()).fingerprint().toUpperCase(Locale.ROOT));
        assertFalse(exported.body().contains("PRIVATE"), "only the public key leaves");
    }

    @Test
    @Order(5)
    void theKeyUnlocksForTheSessionOnlyWithItsPassphraseAndLocksAgain() throws Exception {
        HttpResponse<String> wrong = investigator.post("/desk/key/unlock", "passphrase", "not the passphrase");
        assertEquals(422, wrong.statusCode());
        assertEquals("Locked", byId(wrong, "key-state"));

        HttpResponse<String> unlocked = investigator.post("/desk/key/unlock", "passphrase", PASSPHRASE);
        assertEquals("Unlocked in this session", byId(unlocked, "key-state"));
        assertEquals("Locked", byId(investigator.follow(investigator.post("/desk/key/lock")), "key-state"));

        HttpResponse<String> changed = investigator.post("/desk/key/passphrase", "current", PASSPHRASE,
                "passphrase", PASSPHRASE + " now longer", "passphraseRepeat", PASSPHRASE + " now longer");
        assertTrue(changed.body().contains("The passphrase is changed"));
        assertEquals(422, investigator.post("/desk/key/unlock", "passphrase", PASSPHRASE).statusCode());
        HttpResponse<String> again = investigator.post("/desk/key/unlock", "passphrase", PASSPHRASE + " now longer");
        assertEquals("Unlocked in this session", byId(again, "key-state"));
    }

    @Test
    @Order(6)
    void anInvestigatorCanBringAKeyMadeWithGnuPG() throws Exception {
        Browserless other = new Browserless(deployed);
        String path = invite("INVESTIGATOR");
        path = path.substring(path.indexOf("/staff/invitation/"));
        String name = "gpg-" + UUID.randomUUID().toString().substring(0, 6);
        other.post(path, "displayName", "Gustav GnuPG", "username", name,
                "password", INVESTIGATOR_PASSWORD, "passwordRepeat", INVESTIGATOR_PASSWORD);
        signInAndEnrol(other, name, INVESTIGATOR_PASSWORD);

        HttpResponse<String> garbage = other.post("/desk/key/import", "armored", "-----BEGIN PGP PRIVATE KEY BLOCK-----\nnot a key",
                "passphrase", "gnupg passphrase");
        assertEquals(422, garbage.statusCode());
        assertTrue(garbage.body().contains("not an OpenPGP key, or it is damaged"));

        gpg("--quick-generate-key", "Gustav <gustav@example.org>", "ed25519", "cert", "2y");
        String gpgFingerprint = onlyGpgFingerprint();
        gpg("--quick-add-key", gpgFingerprint, "cv25519", "encr", "2y");
        String publicOnly = gpg("--armor", "--export", gpgFingerprint);
        HttpResponse<String> wrongHalf = other.post("/desk/key/import", "armored", publicOnly, "passphrase", "gnupg passphrase");
        assertTrue(wrongHalf.body().contains("This is a public key"));

        String secret = gpg("--armor", "--export-secret-keys", gpgFingerprint);
        HttpResponse<String> imported = other.post("/desk/key/import", "armored", secret, "passphrase", "gnupg passphrase");
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(gpgFingerprint, byId(imported, "fingerprint").replace(" ", ""));
    }

    @Test
    @Order(7)
    void anAdministratorReachesNoDeskAndNoOversightPage() throws Exception {
        for (String path : List.of("/desk", "/desk/key", "/desk/key/public.asc", "/oversight/audit")) {
            assertEquals(403, admin.get(path).statusCode(), path);
        }
        assertEquals(403, admin.post("/desk/key/unlock", "passphrase", PASSPHRASE).statusCode());
    }

    @Test
    @Order(8)
    void aSecondRoleNeedsConfirmationAndDisablingEndsTheSessionAtOnce() throws Exception {
        UUID investigatorId = staffId(investigatorName);
        HttpResponse<String> unconfirmed = admin.post("/admin/staff/" + investigatorId + "/grant", "role", "OVERSIGHT");
        assertEquals(422, unconfirmed.statusCode());
        assertTrue(unconfirmed.body().contains("Tick the confirmation"));
        assertEquals(200, admin.post("/admin/staff/" + investigatorId + "/grant", "role", "OVERSIGHT", "confirm", "yes")
                .statusCode());

        assertEquals(200, investigator.get("/desk/key").statusCode());
        HttpResponse<String> unticked = admin.post("/admin/staff/" + investigatorId + "/disable");
        assertEquals(422, unticked.statusCode(), "disabling an account needs its box ticked");
        assertTrue(unticked.body().contains("Nothing was changed"), unticked.body());
        assertEquals(200, investigator.get("/desk/key").statusCode(), "the account still works");
        assertEquals(200, admin.post("/admin/staff/" + investigatorId + "/disable", "confirm", "yes").statusCode());
        HttpResponse<String> after = investigator.get("/desk/key");
        assertTrue(after.statusCode() / 100 == 3 && location(after).equals("/staff/sign-in"),
                "a disabled account loses its session");
        HttpResponse<String> retry = investigator.post("/staff/sign-in", "username", investigatorName,
                "password", INVESTIGATOR_PASSWORD);
        assertEquals(422, retry.statusCode(), "and cannot sign in");
        assertEquals(422, admin.post("/admin/staff/" + staffId(ADMIN) + "/disable", "confirm", "yes").statusCode(),
                "an administrator cannot disable themselves");
    }

    @Test
    @Order(9)
    void everyStaffEventIsInTheAuditLogWithoutSecrets() throws Exception {
        List<String> actions = new ArrayList<>();
        StringBuilder everything = new StringBuilder();
        try (Connection c = DriverManager.getConnection(Deployments.databaseUrl());
                PreparedStatement s = c.prepareStatement("select * from audit_entry order by seq");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                actions.add(rows.getString("action"));
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    everything.append(rows.getString(i)).append(' ');
                }
            }
        }
        for (String expected : List.of("STAFF_SIGN_IN_FAILED", "SECOND_FACTOR_ENROLLED", "STAFF_SIGNED_IN",
                "RECOVERY_CODE_USED", "STAFF_SIGNED_OUT", "STAFF_INVITED", "STAFF_INVITATION_ACCEPTED", "KEY_GENERATED",
                "KEY_UNLOCKED", "KEY_LOCKED", "KEY_PASSPHRASE_CHANGED", "KEY_IMPORTED", "ROLE_GRANTED", "STAFF_DISABLED")) {
            assertTrue(actions.contains(expected), expected + " in " + actions);
        }
        for (String secret : List.of(ADMIN_PASSWORD, INVESTIGATOR_PASSWORD, PASSPHRASE, adminRecoveryCodes.get(2),
                Totp.base32(adminSecret), "wrong guess")) {
            assertFalse(everything.toString().contains(secret), "the audit log holds no secret");
        }
    }

    private String invite(String role) throws Exception {
        HttpResponse<String> issued = admin.post("/admin/staff/invitations", "role", role);
        assertEquals(200, issued.statusCode(), issued.body());
        return byId(issued, "invitation-link");
    }

    private static void signInAndEnrol(Browserless person, String username, String password) throws Exception {
        assertEquals(10, codes(person.enrolStaff(username, password).page().body()).size());
    }

    private static void insertAdministrator() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(Deployments.databaseUrl())) {
            try (PreparedStatement s = c.prepareStatement("insert into staff_member (id, username, display_name, "
                    + "password_hash, enabled, created_on) values (?, ?, 'Flow Admin', ?, true, ?)")) {
                s.setObject(1, id);
                s.setString(2, ADMIN);
                s.setString(3, PasswordHash.of(ADMIN_PASSWORD.toCharArray()).encoded());
                s.setObject(4, LocalDate.now());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into staff_role (staff_id, role) values (?, 'ADMINISTRATOR')")) {
                s.setObject(1, id);
                s.executeUpdate();
            }
        }
    }

    private static UUID staffId(String username) throws Exception {
        try (Connection c = DriverManager.getConnection(Deployments.databaseUrl());
                PreparedStatement s = c.prepareStatement("select id from staff_member where username = ?")) {
            s.setString(1, username);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private static String now(byte[] secret) {
        return Totp.code(secret, Totp.step(Instant.now()));
    }

    private static List<String> codes(String html) {
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("<code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</code>").matcher(html);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static String gpg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", gnupgHome.toString(), "--batch",
                "--pinentry-mode", "loopback", "--passphrase", "gnupg passphrase"));
        command.addAll(List.of(args));
        Files.createDirectories(gnupgHome);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
        return output;
    }

    private static String onlyGpgFingerprint() throws Exception {
        String listing = gpg("--with-colons", "--list-secret-keys");
        Matcher m = Pattern.compile("(?m)^fpr:+([0-9A-F]{40}):").matcher(listing);
        assertTrue(m.find(), listing);
        return m.group(1);
    }
}
