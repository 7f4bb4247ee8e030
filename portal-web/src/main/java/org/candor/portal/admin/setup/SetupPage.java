package org.candor.portal.admin.setup;

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
import org.candor.portal.audit.AuditLog;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.InvalidStaffInput;
import org.candor.portal.staff.StaffMember;

/**
 * The page behind the first-run setup link, where the first administrator chooses a name and
 * a password. A used, expired or unknown link gets the same answer.
 */
@Path("/setup/{token}")
@Produces(MediaType.TEXT_HTML)
public class SetupPage {

    @Inject
    FirstRunSetup setup;

    @Inject
    AuditLog audit;

    @Context
    HttpServletRequest request;

    @GET
    public Response show(@PathParam("token") String token) {
        if (setup.check(token) != FirstRunSetup.LinkState.VALID) {
            return linkNoLongerValid();
        }
        return Response.ok(form("", "", null).with("auditFingerprint", audit.fingerprint())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("token") String token,
            @FormParam("displayName") String displayName,
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("passwordRepeat") String passwordRepeat) {
        try {
            StaffMember administrator = setup.createAdministrator(token, nullToEmpty(displayName),
                    nullToEmpty(username), chars(password), chars(passwordRepeat));
            return Response.ok(Page.of("staff/setup-done")
                    .with("displayName", administrator.displayName().value())
                    .with("username", administrator.username().value())).build();
        } catch (FirstRunSetup.LinkNoLongerValid e) {
            return linkNoLongerValid();
        } catch (InvalidStaffInput e) {
            String error = Messages.get(Languages.of(request), e.messageKey());
            return Response.status(422).entity(form(nullToEmpty(displayName), nullToEmpty(username), error)
                    .with("auditFingerprint", audit.fingerprint())).build();
        }
    }

    private static Page form(String displayName, String username, String error) {
        Page page = Page.of("staff/setup").with("displayName", displayName).with("username", username);
        return error == null ? page : page.with("error", error);
    }

    private static Response linkNoLongerValid() {
        return Response.status(Response.Status.GONE).entity(Page.of("staff/setup-gone")).build();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }
}
