package org.candor.portal.admin.staff;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.candor.portal.platform.config.PortalConfig;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.InvalidStaffInput;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.invitation.Invitations;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/** The administrator's staff pages: the list of accounts, invitations, and changes to one account. */
@Path("/admin/staff")
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

    @Inject
    StaffAdministration administration;

    @Inject
    StaffSession session;

    @Inject
    PortalConfig config;

    @Context
    HttpServletRequest request;

    @GET
    public Page list() {
        return listPage(session.require(Role.ADMINISTRATOR), null, null);
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@FormParam("role") String role) {
        SignedInStaff me = session.require(Role.ADMINISTRATOR);
        Role chosen = parseRole(role);
        if (chosen == null) {
            return Response.status(422).entity(listPage(me, null, message("staffAdmin.role.unknown"))).build();
        }
        Invitations.Issued issued = administration.invite(me, chosen);
        return Response.ok(Page.of("staff/admin/invitation-issued")
                .with("link", config.publicUrl() + "/staff/invitation/" + issued.token().value())
                .with("role", chosen.name())
                .with("expires", issued.expiresAt().toLocalDate().toString())).build();
    }

    @POST
    @Path("{id}/{change}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") String id, @PathParam("change") String change,
            @FormParam("role") String role, @FormParam("confirm") String confirm) {
        SignedInStaff me = session.require(Role.ADMINISTRATOR);
        UUID staffId;
        try {
            staffId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        boolean confirmed = "yes".equals(confirm);
        try {
            switch (change) {
                case "disable" -> administration.disable(me, staffId, confirmed);
                case "enable" -> administration.enable(me, staffId);
                case "reset-second-factor" -> administration.resetSecondFactor(me, staffId, confirmed);
                case "grant" -> administration.grantRole(me, staffId, requireRole(role), confirmed);
                case "revoke" -> administration.revokeRole(me, staffId, requireRole(role));
                default -> throw new jakarta.ws.rs.NotFoundException();
            }
        } catch (InvalidStaffInput e) {
            return Response.status(422).entity(listPage(me, null, message(e.messageKey()))).build();
        }
        return Response.ok(listPage(me, message("staffAdmin.done." + change), null)).build();
    }

    private Page listPage(SignedInStaff me, String notice, String error) {
        Page page = Page.of("staff/admin/staff").with("rows", administration.list(me)).with("me", me.id());
        if (notice != null) {
            page.with("notice", notice);
        }
        if (error != null) {
            page.with("error", error);
        }
        return page;
    }

    private static Role requireRole(String name) {
        Role role = parseRole(name);
        if (role == null) {
            throw new InvalidStaffInput("staffAdmin.role.unknown");
        }
        return role;
    }

    private static Role parseRole(String name) {
        try {
            return name == null ? null : Role.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private String message(String key) {
        return Messages.get(Languages.of(request), key);
    }
}
