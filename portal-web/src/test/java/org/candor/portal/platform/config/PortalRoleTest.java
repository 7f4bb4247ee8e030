package org.candor.portal.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        PortalConfig intakeOnly = new PortalConfig(List.of("intake"), "https://report.example.org/", true);
        assertTrue(intakeOnly.serves(PortalRole.INTAKE));
        assertFalse(intakeOnly.serves(PortalRole.DESK));
        assertFalse(intakeOnly.serves(PortalRole.ADMIN));
        assertEquals("https://report.example.org", intakeOnly.publicUrl().toString());
    }

    @Test
    void anUnknownRoleIsAClearConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PortalConfig(List.of("intake", "deks"), "http://localhost:8080", false));
        assertTrue(e.getMessage().contains("deks"));
    }
}
