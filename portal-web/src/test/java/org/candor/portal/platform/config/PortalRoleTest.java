package org.candor.portal.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortalRoleTest {

    @Test
    void eachPathBelongsToOneRole() {
        assertEquals(PortalRole.INTAKE, PortalRole.owning("/"));
        assertEquals(PortalRole.INTAKE, PortalRole.owning("/report/fraud"));
        assertEquals(PortalRole.INTAKE, PortalRole.owning("/deskjob"), "only whole path segments count");
        assertEquals(PortalRole.DESK, PortalRole.owning("/desk/cases"));
        assertEquals(PortalRole.OVERSIGHT, PortalRole.owning("/oversight"));
        assertEquals(PortalRole.ADMIN, PortalRole.owning("/admin/channels"));
        assertEquals(PortalRole.ADMIN, PortalRole.owning("/setup/abc"));
    }

    @Test
    void anIntakeOnlyInstanceServesNoStaffRole() {
        PortalConfig intakeOnly = new PortalConfig(List.of("intake"), "https://report.example.org/", true, Optional.empty());
        assertTrue(intakeOnly.serves(PortalRole.INTAKE));
        assertFalse(intakeOnly.serves(PortalRole.DESK));
        assertFalse(intakeOnly.serves(PortalRole.ADMIN));
        assertEquals("https://report.example.org", intakeOnly.publicUrl().toString());
    }

    @Test
    void anUnknownRoleIsAClearConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PortalConfig(List.of("intake", "deks"), "http://localhost:8080", false, Optional.empty()));
        assertTrue(e.getMessage().contains("deks"));
    }

    @Test
    void noRoleAtAllIsAClearConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PortalConfig(List.of(" "), "http://localhost:8080", false, Optional.empty()));
        assertTrue(e.getMessage().contains("names no role"), e.getMessage());
    }

    @Test
    void anHttpsPublicUrlMeansSecureCookiesAndHsts() {
        assertTrue(new PortalConfig(List.of("intake"), "https://report.example.org", false, Optional.empty()).https());
        assertFalse(new PortalConfig(List.of("intake"), "http://localhost:8080", false, Optional.empty()).https());
    }

    @Test
    void aPublicUrlThatIsNoWebAddressIsRefusedWithItsName() {
        for (String bad : List.of("localhost:8080", "ftp://report.example.org", "https://", "https://report.example.org/?x=1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new PortalConfig(List.of("intake"), bad, false, Optional.empty()), bad);
            assertTrue(e.getMessage().startsWith("candor.public-url"), e.getMessage());
        }
    }

    @Test
    void anOnionAddressMustBeAnOnionService() {
        PortalConfig withOnion = new PortalConfig(List.of("intake"), "https://report.example.org", false,
                Optional.of("http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.onion/"));
        assertEquals("http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.onion", withOnion.onionUrl().orElseThrow().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PortalConfig(List.of("intake"), "https://report.example.org", false, Optional.of("https://mirror.example.org")));
        assertTrue(e.getMessage().contains(".onion"), e.getMessage());
    }
}
