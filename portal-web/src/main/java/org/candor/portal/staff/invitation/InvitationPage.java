package org.candor.portal.staff.invitation;

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
import java.util.Optional;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.InvalidStaffInput;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;

/** The page behind an invitation link: the invited person chooses a name and a password. */
@Path("/staff/invitation/{token}")
@Produces(MediaType.TEXT_HTML)
public class InvitationPage {

    @Inject
    Invitations invitations;

    @Context
    HttpServletRequest request;

    @GET
    public Response show(@PathParam("token") String token) {
        Optional<Role> role = invitations.roleOffered(token);
        if (role.isEmpty()) {
            return gone();
        }
        return Response.ok(form(role.get(), "", "", null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("token") String token,
            @FormParam("displayName") String displayName,
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("passwordRepeat") String passwordRepeat) {
        Optional<Role> role = invitations.roleOffered(token);
        if (role.isEmpty()) {
            return gone();
        }
        try {
            StaffMember member = invitations.accept(token, orEmpty(displayName), orEmpty(username),
                    chars(password), chars(passwordRepeat));
            return Response.ok(Page.of("staff/invitation-done").with("username", member.username().value())).build();
        } catch (Invitations.InvitationNoLongerValid e) {
            return gone();
        } catch (InvalidStaffInput e) {
            String error = Messages.get(Languages.of(request), e.messageKey());
            return Response.status(422).entity(form(role.get(), orEmpty(displayName), orEmpty(username), error)).build();
        }
    }

    private static Page form(Role role, String displayName, String username, String error) {
        Page page = Page.of("staff/invitation").with("role", role.name())
                .with("displayName", displayName).with("username", username);
        return error == null ? page : page.with("error", error);
    }

    private static Response gone() {
        return Response.status(Response.Status.GONE).entity(Page.of("staff/invitation-gone")).build();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }
}
