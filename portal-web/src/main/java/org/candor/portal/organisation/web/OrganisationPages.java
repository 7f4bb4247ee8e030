package org.candor.portal.organisation.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.candor.portal.organisation.OrganisationProfile;
import org.candor.portal.platform.web.Page;

/** The public side: the privacy notice, and the logo every public page shows. */
@Path("/organisation")
public class OrganisationPages {

    @Inject
    OrganisationProfile profile;

    @GET
    @Path("privacy")
    @Produces(MediaType.TEXT_HTML)
    public Page privacyNotice() {
        return Page.of("public/privacy");
    }

    /** The logo as uploaded (checked to be PNG, JPEG or WebP when it was); 404 when there is none. */
    @GET
    @Path("logo")
    public Response logo() {
        String type = profile.current().logoType().orElseThrow(NotFoundException::new);
        byte[] image = profile.logo().orElseThrow(NotFoundException::new);
        return Response.ok(image, type).header("Content-Disposition", "inline; filename=\"logo\"").build();
    }
}
