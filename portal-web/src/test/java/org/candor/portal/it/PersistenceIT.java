package org.candor.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.ChannelText;
import org.candor.portal.platform.persistence.CandorDataSourceDefinition;
import org.candor.portal.platform.persistence.SchemaMigrations;
import org.candor.portal.staff.DisplayName;
import org.candor.portal.staff.PasswordHash;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.StaffRepository;
import org.candor.portal.staff.Username;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The portal's persistence, inside Payara Micro, on the real PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(PersistenceIT.class, Deployments.class);
    }

    @Resource(lookup = CandorDataSourceDefinition.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SchemaMigrations migrations;

    @Inject
    ChannelRepository channels;

    @Inject
    StaffRepository staff;

    @Test
    void runsOnPostgreSqlWithTheSchemaMigrated() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
        }
        assertTrue(migrations.isMigrated());
    }

    @Test
    void keepsChannelsWithTheirTextsPerLanguage() {
        Channel channel = new Channel("it-roundtrip", 3, LocalDate.now(), Map.of(
                Locale.ENGLISH, new ChannelText("Fraud", "Money that went missing"),
                Locale.GERMAN, new ChannelText("Betrug", "Verschwundenes Geld")));
        channels.add(channel);

        Channel found = channels.findBySlug("it-roundtrip").orElseThrow();
        assertEquals(channel.id(), found.id());
        assertEquals("Betrug", found.textFor(Locale.GERMAN).name());
        assertEquals("Money that went missing", found.textFor(Locale.ENGLISH).description());
        assertFalse(channels.published().stream().anyMatch(c -> c.id().equals(channel.id())),
                "an unpublished channel is not offered");
    }

    @Test
    void keepsStaffWithRolesAndAnArgon2idPassword() {
        char[] password = "correct horse battery staple".toCharArray();
        staff.add(new StaffMember(new Username("it-investigator"), new DisplayName("Ines Investigator"),
                PasswordHash.of(password), Role.INVESTIGATOR, LocalDate.now()));

        StaffMember found = staff.findByUsername(Username.parse("IT-Investigator ")).orElseThrow();
        assertEquals("Ines Investigator", found.displayName().value());
        assertTrue(found.holds(Role.INVESTIGATOR));
        assertFalse(found.holds(Role.ADMINISTRATOR));
        assertTrue(found.passwordHash().matches(password));
        assertFalse(found.passwordHash().matches("wrong horse battery staple".toCharArray()));
    }
}
