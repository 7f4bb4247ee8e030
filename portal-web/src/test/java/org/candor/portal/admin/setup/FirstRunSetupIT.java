package org.candor.portal.admin.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.candor.portal.it.Deployments;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.candor.portal.platform.secrets.OneTimeToken;
import org.candor.portal.staff.InvalidStaffInput;
import org.candor.portal.staff.StaffRepository;
import org.candor.portal.staff.Username;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first-run setup on PostgreSQL: a link works until it expires or the first administrator
 * exists; bad input is refused and saves nothing. The order matters: the last test completes
 * the setup for good.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunSetupIT {

    private static final char[] GOOD = "plum anchor velvet ninety".toCharArray();

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(FirstRunSetupIT.class, Deployments.class);
    }

    @Inject
    FirstRunSetup setup;

    @Inject
    StaffRepository staff;

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    DataSource dataSource;

    @Test
    @Order(1)
    void storesOnlyTheDigestOfTheToken() throws Exception {
        OneTimeToken token = setup.issueIfNeeded().orElseThrow();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select token_hash from setup_token");
                ResultSet rows = s.executeQuery()) {
            boolean digestFound = false;
            while (rows.next()) {
                String stored = rows.getString(1);
                assertFalse(stored.contains(token.value()), "the token itself is never stored");
                digestFound |= stored.equals(token.digest());
            }
            assertTrue(digestFound);
        }
    }

    @Test
    @Order(2)
    void refusesAnExpiredLink() throws Exception {
        OneTimeToken token = setup.issueIfNeeded().orElseThrow();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update setup_token set expires_at = current_timestamp - interval '1 minute' where token_hash = ?")) {
            s.setString(1, token.digest());
            assertEquals(1, s.executeUpdate());
        }
        assertEquals(FirstRunSetup.LinkState.USED_OR_EXPIRED, setup.check(token.value()));
        assertThrows(FirstRunSetup.LinkNoLongerValid.class,
                () -> setup.createAdministrator(token.value(), "Ada", "ada", GOOD, GOOD));
    }

    @Test
    @Order(3)
    void refusesWeakOrMismatchedPasswordsAndSavesNothing() {
        String token = setup.issueIfNeeded().orElseThrow().value();
        InvalidStaffInput tooShort = assertThrows(InvalidStaffInput.class,
                () -> setup.createAdministrator(token, "Ada", "ada", "short".toCharArray(), "short".toCharArray()));
        assertEquals("staff.password.tooShort", tooShort.messageKey());
        InvalidStaffInput mismatch = assertThrows(InvalidStaffInput.class,
                () -> setup.createAdministrator(token, "Ada", "ada", GOOD, "plum anchor velvet ninetY".toCharArray()));
        assertEquals("staff.password.mismatch", mismatch.messageKey());
        InvalidStaffInput badName = assertThrows(InvalidStaffInput.class,
                () -> setup.createAdministrator(token, "Ada", "a d", GOOD, GOOD));
        assertEquals("staff.username.invalid", badName.messageKey());

        assertTrue(staff.findByUsername(new Username("ada")).isEmpty(), "nothing half-saved");
        assertEquals(FirstRunSetup.LinkState.VALID, setup.check(token), "a refused form leaves the link usable");
    }

    @Test
    @Order(4)
    void createsTheFirstAdministratorOnceAndThenRefusesEveryLink() {
        String first = setup.issueIfNeeded().orElseThrow().value();
        String second = setup.issueIfNeeded().orElseThrow().value();

        setup.createAdministrator(first, "Ada Lovelace", "Ada", GOOD, GOOD);

        assertTrue(staff.hasAdministrator());
        assertTrue(staff.findByUsername(new Username("ada")).orElseThrow().passwordHash().matches(GOOD));
        assertEquals(FirstRunSetup.LinkState.USED_OR_EXPIRED, setup.check(first));
        assertEquals(FirstRunSetup.LinkState.USED_OR_EXPIRED, setup.check(second));
        assertThrows(FirstRunSetup.LinkNoLongerValid.class,
                () -> setup.createAdministrator(second, "Mallory", "mallory", GOOD, GOOD));
        assertTrue(setup.issueIfNeeded().isEmpty(), "no new link once an administrator exists");
    }
}
