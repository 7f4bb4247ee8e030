package org.candor.portal.governance.transparency.web;

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
import java.net.URI;
import java.util.UUID;
import org.candor.portal.governance.transparency.TransparencyData;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/** The administrator's choice of channels whose figures the transparency page publishes. */
@Path("/admin/transparency")
@Produces(MediaType.TEXT_HTML)
public class TransparencyAdminPages {

    @Inject
    TransparencyData data;

    @Inject
    StaffSession session;

    @Context
    HttpServletRequest request;

    @GET
    public Page show(@QueryParam("saved") String saved) {
        session.require(Role.ADMINISTRATOR);
        Page page = Page.of("staff/admin/transparency").with("channels", data.choices(Languages.of(request)));
        return "1".equals(saved) ? page.with("saved", true) : page;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@FormParam("channel") UUID channel, @FormParam("published") String published) {
        SignedInStaff admin = session.require(Role.ADMINISTRATOR);
        if (channel == null) {
            return Response.status(422).entity(Page.of("staff/admin/transparency")
                    .with("channels", data.choices(Languages.of(request)))).build();
        }
        data.publish(admin, channel, "true".equals(published));
        return Response.seeOther(URI.create("/admin/transparency?saved=1")).build();
    }
}
