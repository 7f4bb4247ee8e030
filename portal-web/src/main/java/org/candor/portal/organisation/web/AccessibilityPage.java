package org.candor.portal.organisation.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.candor.portal.platform.web.Page;

/**
 * The accessibility statement: what the public pages conform to and how that is tested, what is
 * known not to work, and whom to tell about a barrier (the organisation's contact, which the
 * layout shows in every public page's footer).
 */
@Path("/accessibility")
public class AccessibilityPage {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Page statement() {
        return Page.of("public/accessibility");
    }
}
