package org.candor.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static final Actor ADA = Actor.staff(UUID.fromString("00000000-0000-4000-8000-000000000001"), "ada");

    @Test
    void buildsAnImmutableEventWithSubjectAndSortedDetails() {
        AuditEvent plain = AuditEvent.of(AuditAction.ROLE_GRANTED, ADA);
        AuditEvent full = plain.about("staff", UUID.fromString("00000000-0000-4000-8000-000000000002"))
                .with("role", "INVESTIGATOR").with("by", "invitation");

        assertTrue(plain.subject().isEmpty(), "the builder methods leave the original untouched");
        assertTrue(plain.details().isEmpty());
        assertEquals(new Subject("staff", "00000000-0000-4000-8000-000000000002"), full.subject().orElseThrow());
        assertEquals(List.of("by", "role"), List.copyOf(full.details().keySet()));
        assertNotEquals(plain, full);
    }

    @Test
    void anonymousAndSystemActorsCarryNoIdentity() {
        assertTrue(Actor.anonymous().id().isEmpty());
        assertTrue(Actor.anonymous().name().isEmpty());
        assertEquals("anonymous", Actor.anonymous().toString());
        assertTrue(Actor.system().id().isEmpty());
        assertEquals(Actor.Kind.STAFF, ADA.kind());
    }

    @Test
    void refusesDetailsThatCouldSmuggleTextIntoTheLog() {
        AuditEvent event = AuditEvent.of(AuditAction.CHANNEL_CHANGED, ADA);
        assertThrows(InvalidAuditEvent.class, () -> event.with("reason", "line one\nline two"));
        assertThrows(InvalidAuditEvent.class, () -> event.with("reason", "tab\there"));
        assertThrows(InvalidAuditEvent.class, () -> event.with("reason", "x".repeat(AuditEvent.MAX_VALUE + 1)));
        assertThrows(InvalidAuditEvent.class, () -> event.with("reason", ""));
        assertThrows(InvalidAuditEvent.class, () -> event.with("Reason", "upper-case key"));
        assertThrows(InvalidAuditEvent.class, () -> event.with("a=b", "equals sign in key"));
        assertThrows(InvalidAuditEvent.class, () -> event.with("k".repeat(33), "key too long"));
        AuditEvent eight = event;
        for (int i = 0; i < AuditEvent.MAX_DETAILS; i++) {
            eight = eight.with("k" + i, i);
        }
        AuditEvent full = eight;
        assertThrows(InvalidAuditEvent.class, () -> full.with("one-more", "x"));
        assertEquals(AuditEvent.MAX_DETAILS, full.with("k0", "replaced").details().size(), "replacing is not adding");
    }

    @Test
    void refusesMalformedActorsAndSubjects() {
        UUID id = UUID.randomUUID();
        assertThrows(InvalidAuditEvent.class, () -> Actor.staff(id, "a\nb"));
        assertThrows(InvalidAuditEvent.class, () -> Actor.staff(id, "x".repeat(65)));
        assertThrows(NullPointerException.class, () -> Actor.staff(null, "ada"));
        assertThrows(InvalidAuditEvent.class, () -> new Subject("Staff", "1"));
        assertThrows(InvalidAuditEvent.class, () -> new Subject("case", "x".repeat(65)));
        assertThrows(InvalidAuditEvent.class, () -> new Subject("case", "a\rb"));
    }
}
