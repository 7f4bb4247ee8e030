package org.candor.portal.organisation.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.candor.portal.organisation.OrganisationProfile;
import org.candor.portal.platform.web.LayoutValues;

/** Puts the organisation into every public page's layout (header and footer). */
@ApplicationScoped
public class OrganisationLayout implements LayoutValues {

    @Inject
    OrganisationProfile profile;

    @Override
    public void addTo(String template, Map<String, Object> model) {
        if (template.startsWith("public/")) {
            model.put("organisation", profile.current());
        }
    }
}
