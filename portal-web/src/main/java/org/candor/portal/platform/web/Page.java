package org.candor.portal.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A server-rendered page: which template, and the values it shows. Resources return pages;
 * {@link PageWriter} renders them in the request's language.
 *
 * <p>Template names start with {@code public/} or {@code staff/}: the two trees are kept apart
 * so that no staff markup can reach a public page.
 */
public final class Page {

    private final String template;
    private final Map<String, Object> model = new LinkedHashMap<>();

    private Page(String template) {
        if (!template.startsWith("public/") && !template.startsWith("staff/")) {
            throw new IllegalArgumentException("a page template lives under public/ or staff/: " + template);
        }
        this.template = template;
    }

    /** A page rendered from a template under {@code templates/}. */
    public static Page of(String template) {
        return new Page(template);
    }

    /** Adds a value the template can show. */
    public Page with(String name, Object value) {
        model.put(name, Objects.requireNonNull(value, name));
        return this;
    }

    public String template() {
        return template;
    }

    public Map<String, Object> model() {
        return Map.copyOf(model);
    }

    @Override
    public String toString() {
        return "Page[" + template + "]";
    }
}
