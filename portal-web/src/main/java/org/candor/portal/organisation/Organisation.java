package org.candor.portal.organisation;

import java.util.Optional;

/**
 * The organisation that runs the portal, as the public pages show it.
 *
 * @param name          the organisation's name; empty until an administrator sets it
 * @param contact       where to ask questions about the reporting process (an address, a phone
 *                      number, an office): never a channel for reports, and shown as text
 * @param privacyNotice the privacy notice, plain text with paragraphs separated by blank lines
 * @param logoType      the logo's media type when there is one ({@link Logo})
 */
public record Organisation(String name, String contact, String privacyNotice, Optional<String> logoType) {

    /** Most characters of the name. */
    public static final int MAX_NAME = 200;
    /** Most characters of the contact. */
    public static final int MAX_CONTACT = 500;
    /** Most characters of the privacy notice. */
    public static final int MAX_NOTICE = 20_000;

    /** What a portal shows before its administrator has said who runs it. */
    public static final Organisation UNSET = new Organisation("", "", "", Optional.empty());

    public Organisation {
        name = name == null ? "" : name.strip();
        contact = contact == null ? "" : contact.strip();
        privacyNotice = privacyNotice == null ? "" : privacyNotice.strip().replace("\r\n", "\n");
    }

    /** Whether the name is set. */
    public boolean named() {
        return !name.isEmpty();
    }

    /** Whether there is a logo to show. */
    public boolean hasLogo() {
        return logoType.isPresent();
    }

    /** Whether there is a privacy notice to link to. */
    public boolean hasPrivacyNotice() {
        return !privacyNotice.isEmpty();
    }

    /** The privacy notice's paragraphs, as written (blank lines separate them). */
    public java.util.List<String> privacyParagraphs() {
        return java.util.Arrays.stream(privacyNotice.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
