package org.candor.portal.platform.web;

import java.util.Map;

/**
 * Values a feature adds to every page's layout (such as who runs the portal, on the public pages).
 * {@link PageWriter} asks every bean of this type for each page it renders, so the web platform
 * needs to know none of the features.
 */
public interface LayoutValues {

    /**
     * Adds this feature's values to a page's model.
     *
     * @param template the page's template, {@code public/...} or {@code staff/...}
     * @param model    the values the template sees; the page's own values are already there
     */
    void addTo(String template, Map<String, Object> model);
}
