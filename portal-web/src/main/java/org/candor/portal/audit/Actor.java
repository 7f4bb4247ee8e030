package org.candor.portal.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who did what the entry records: a staff member (id and sign-in name, so that the entry still
 * names them if the account is renamed or removed), the portal itself, or an anonymous
 * whistleblower, who never carries an identity of any kind.
 */
public final class Actor {

    /** The kinds of actor, as stored and hashed. */
    public enum Kind {
        STAFF("staff"), SYSTEM("system"), ANONYMOUS("anonymous");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The name stored in the log. */
        public String code() {
            return code;
        }

        /** The kind stored under a name. */
        public static Kind ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown actor kind");
        }
    }

    /** Longest sign-in name kept (staff user names have at most 64 characters). */
    public static final int MAX_NAME = 64;

    private static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, null);
    private static final Actor ANONYMOUS = new Actor(Kind.ANONYMOUS, null, null);

    private final Kind kind;
    private final UUID id;
    private final String name;

    private Actor(Kind kind, UUID id, String name) {
        this.kind = kind;
        this.id = id;
        this.name = name;
    }

    /** A staff member, by account id and sign-in name. */
    public static Actor staff(UUID id, String username) {
        return new Actor(Kind.STAFF, Objects.requireNonNull(id, "id"), AuditText.value("actor name", username, MAX_NAME));
    }

    /** The portal itself (retention, start-up, scheduled work). */
    public static Actor system() {
        return SYSTEM;
    }

    /** A whistleblower or complainant: no id, no name, nothing that could identify them. */
    public static Actor anonymous() {
        return ANONYMOUS;
    }

    /** Rebuilds an actor as stored. */
    static Actor stored(String kind, String id, String name) {
        Kind k = Kind.ofCode(kind);
        return k == Kind.STAFF ? staff(UUID.fromString(id), name) : k == Kind.SYSTEM ? SYSTEM : ANONYMOUS;
    }

    public Kind kind() {
        return kind;
    }

    /** The staff member's account id; empty for the system and for anonymous actors. */
    public Optional<UUID> id() {
        return Optional.ofNullable(id);
    }

    /** The staff member's sign-in name; empty for the system and for anonymous actors. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actor a && kind == a.kind && Objects.equals(id, a.id) && Objects.equals(name, a.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, id, name);
    }

    @Override
    public String toString() {
        return kind == Kind.STAFF ? "staff:" + name : kind.code();
    }
}
