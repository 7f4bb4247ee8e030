package org.candor.portal.organisation.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Iterator;
import org.candor.portal.casefile.upload.Multipart;
import org.candor.portal.casefile.upload.SubmissionPart;
import org.candor.portal.organisation.InvalidOrganisationInput;
import org.candor.portal.organisation.Logo;
import org.candor.portal.organisation.Organisation;
import org.candor.portal.organisation.OrganisationProfile;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/**
 * The administrator's form for who runs the portal: name, contact and privacy notice in one plain
 * form, the logo in a second one (multipart, read up to {@link Logo#MAX_BYTES} and never further).
 * A refused change comes back as the same form, the input kept and the reason shown (422).
 */
@Path("/admin/organisation")
@Produces(MediaType.TEXT_HTML)
public class OrganisationAdminPages {

    /** The logo form: its token, the file, and a little room for the browser's headers. */
    private static final long MOST_BYTES = Logo.MAX_BYTES + 16 * 1024;

    @Inject
    OrganisationProfile profile;

    @Inject
    StaffSession session;

    @Context
    HttpServletRequest request;

    @GET
    public Page show(@QueryParam("saved") String saved) {
        session.require(Role.ADMINISTRATOR);
        Page page = form(profile.current());
        return "1".equals(saved) ? page.with("saved", true) : page;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@FormParam("name") String name, @FormParam("contact") String contact,
            @FormParam("privacyNotice") String privacyNotice) {
        SignedInStaff admin = session.require(Role.ADMINISTRATOR);
        try {
            profile.change(admin, name, contact, privacyNotice);
            return saved();
        } catch (InvalidOrganisationInput e) {
            Organisation typed = new Organisation(name, contact, privacyNotice, profile.current().logoType());
            return refused(typed, e);
        }
    }

    @POST
    @Path("logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response changeLogo() throws IOException {
        SignedInStaff admin = session.require(Role.ADMINISTRATOR);
        byte[] image = null;
        if (Multipart.isMultipart(request) && request.getContentLengthLong() <= MOST_BYTES) {
            try {
                Iterator<SubmissionPart> parts = Multipart.tokenFirst(request, MOST_BYTES, 4).parts();
                while (parts.hasNext()) {
                    SubmissionPart part = parts.next();
                    try (InputStream in = part.stream()) {
                        if ("logo".equals(part.field()) && image == null) {
                            image = in.readNBytes(Logo.MAX_BYTES + 1);
                        }
                    }
                }
            } catch (IOException malformedOrTooLarge) {
                image = null;
                Multipart.drain(request);
            }
        } else {
            Multipart.drain(request);
        }
        try {
            profile.changeLogo(admin, image == null ? new byte[0] : image);
            return saved();
        } catch (InvalidOrganisationInput e) {
            return refused(profile.current(), e);
        }
    }

    @POST
    @Path("logo/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeLogo() {
        profile.removeLogo(session.require(Role.ADMINISTRATOR));
        return saved();
    }

    private static Page form(Organisation shown) {
        return Page.of("staff/admin/organisation").with("organisation", shown)
                .with("mostLogoKib", Logo.MAX_BYTES / 1024);
    }

    private static Response saved() {
        return Response.seeOther(URI.create("/admin/organisation?saved=1")).build();
    }

    private Response refused(Organisation typed, InvalidOrganisationInput e) {
        String problem = Messages.get(Languages.of(request), e.getMessage(), e.arguments());
        return Response.status(422).entity(form(typed).with("problem", problem)).build();
    }
}
