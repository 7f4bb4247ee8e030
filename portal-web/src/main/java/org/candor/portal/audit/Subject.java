package org.candor.portal.audit;

import java.util.UUID;

/**
 * What an audit entry is about: a kind ({@code staff}, {@code channel}, {@code case}, ...) and an
 * opaque id. Never a name, a title or anything taken from a report.
 *
 * @param kind 1 to 32 characters: a-z, 0-9, '.', '-', '_'
 * @param id   1 to 64 characters without line breaks, usually a UUID
 */
public record Subject(String kind, String id) {

    /** Longest id kept. */
    public static final int MAX_ID = 64;

    public Subject {
        AuditText.name("subject kind", kind);
        AuditText.value("subject id", id, MAX_ID);
    }

    public static Subject of(String kind, UUID id) {
        return new Subject(kind, id.toString());
    }
}
