package org.candor.portal.desk;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.candor.portal.staff.key.InvestigatorKeys;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/** The desk's start: an investigator without a key is led to set one up first. */
@Path("/desk")
@Produces(MediaType.TEXT_HTML)
public class DeskHome {

    @Inject
    StaffSession session;

    @Inject
    InvestigatorKeys keys;

    @GET
    public Response show() {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        if (keys.of(me.id()).isEmpty()) {
            return Response.seeOther(URI.create("/desk/key/setup")).build();
        }
        return Response.ok(Page.of("staff/desk/home").with("unlocked", keys.isUnlocked())).build();
    }
}
