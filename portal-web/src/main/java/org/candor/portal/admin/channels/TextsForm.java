package org.candor.portal.admin.channels;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelText;
import org.candor.portal.platform.i18n.Languages;

/**
 * A channel's address and its name and description per language, as typed (form fields
 * {@code slug}, {@code name_<lang>}, {@code description_<lang>}); kept as typed so that a
 * refused form comes back unchanged.
 */
public record TextsForm(String slug, Map<String, String> names, Map<String, String> descriptions) {

    static TextsForm from(MultivaluedMap<String, String> form) {
        return new TextsForm(Forms.value(form, "slug"), Forms.perLanguage(form, "name"),
                Forms.perLanguage(form, "description"));
    }

    static TextsForm empty() {
        return from(null);
    }

    static TextsForm of(Channel channel) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Locale language : Languages.supported()) {
            channel.text(language).ifPresent(text -> {
                names.put(language.getLanguage(), text.name());
                descriptions.put(language.getLanguage(), text.description());
            });
        }
        return new TextsForm(channel.slug(), names, descriptions);
    }

    /**
     * The texts per language: English must have a name; another language may be left empty (its
     * readers then see the English text), but a description without a name is refused, naming the
     * language.
     */
    Map<Locale, ChannelText> texts() {
        Map<Locale, ChannelText> texts = new LinkedHashMap<>();
        for (Locale language : Languages.supported()) {
            String code = language.getLanguage();
            String name = names.getOrDefault(code, "");
            String description = descriptions.getOrDefault(code, "");
            if (!language.equals(Languages.fallback()) && name.isBlank() && description.isBlank()) {
                continue;
            }
            texts.put(language, ChannelText.of(language, name, description));
        }
        return texts;
    }

    public String name(String language) {
        return names.getOrDefault(language, "");
    }

    public String description(String language) {
        return descriptions.getOrDefault(language, "");
    }
}
