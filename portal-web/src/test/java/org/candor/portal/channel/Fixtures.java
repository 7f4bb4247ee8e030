package org.candor.portal.channel;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.candor.portal.staff.DisplayName;
import org.candor.portal.staff.PasswordHash;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.Username;

/** Small builders shared by the channel tests. */
final class Fixtures {

    private static final PasswordHash ANY_HASH =
            PasswordHash.parse("$argon2id$v=19$m=47104,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g");

    private Fixtures() {
    }

    static LocalizedText both(String english, String german) {
        return new LocalizedText(Map.of("en", english, "de", german));
    }

    static Map<Locale, String> texts(String english, String german) {
        java.util.HashMap<Locale, String> map = new java.util.HashMap<>();
        map.put(Locale.ENGLISH, english);
        map.put(Locale.GERMAN, german);
        return map;
    }

    static QuestionField shortText(String key, boolean required) {
        return QuestionField.text(key, FieldType.SHORT_TEXT, both("Label " + key, "Bezeichnung " + key),
                LocalizedText.NONE, required, 50);
    }

    static QuestionField singleChoice(String key, boolean required) {
        return QuestionField.choice(key, FieldType.SINGLE_CHOICE, both("Where?", "Wo?"), LocalizedText.NONE, required,
                List.of(new ChoiceOption("office", both("Office", "Büro")),
                        new ChoiceOption("plant", both("Plant", "Werk"))));
    }

    static Channel channel(String slug) {
        return new Channel(slug, 1, LocalDate.of(2026, 1, 1), Map.of(
                Locale.ENGLISH, new ChannelText("Fraud", "Money"),
                Locale.GERMAN, new ChannelText("Betrug", "Geld")));
    }

    static StaffMember staff(String username, Role role) {
        return new StaffMember(new Username(username), new DisplayName("Name " + username), ANY_HASH, role,
                LocalDate.of(2026, 1, 1));
    }
}
