package org.candor.portal.platform.config;

import java.util.Locale;

/**
 * The parts of the portal one instance can serve, switched on and off with {@code candor.roles}
 * (docs/design.md, "Roles"), and the paths that belong to each.
 */
public enum PortalRole {
    /** Public pages for whistleblowers: channels, submission, reply-code sign-in, conversation. */
    INTAKE,
    /** Investigators' pages. */
    DESK,
    /** The audit log, appeals and transparency figures. */
    OVERSIGHT,
    /** Channels, questionnaires, staff, keys and retention; also the first-run setup. */
    ADMIN;

    static PortalRole parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "candor.roles: unknown role '" + name.strip() + "' (use intake, desk, oversight, admin)", e);
        }
    }

    /**
     * The role a request path belongs to; whatever is not staff's belongs to the intake. The
     * staff sign-in pages ({@code /staff}) belong to the desk, oversight and admin roles alike:
     * see {@link #isStaffPath(String)}.
     */
    public static PortalRole owning(String path) {
        if (startsWithSegment(path, "/desk")) {
            return DESK;
        }
        if (startsWithSegment(path, "/oversight")) {
            return OVERSIGHT;
        }
        if (startsWithSegment(path, "/admin") || startsWithSegment(path, "/setup")) {
            return ADMIN;
        }
        return INTAKE;
    }

    /** Whether a path is one of the staff sign-in pages, served where any staff role is. */
    public static boolean isStaffPath(String path) {
        return startsWithSegment(path, "/staff");
    }

    private static boolean startsWithSegment(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
