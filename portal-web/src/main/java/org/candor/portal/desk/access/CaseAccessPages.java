package org.candor.portal.desk.access;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.candor.portal.desk.cases.KeyLocked;
import org.candor.portal.staff.key.UnlockedKeyHolder;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/**
 * The access page of a case, server-rendered and usable without JavaScript:
 * {@code GET /desk/cases/{id}/access} shows who opens the case (name and key fingerprint) and the
 * forms; {@code POST .../grant}, {@code .../assign} and {@code .../revoke} (fields
 * {@code colleague}, a staff id, and {@code version}) change it through {@link CaseAccess} and
 * answer 303: back to this page, or to the case list when the investigator gave their own access
 * away. A refusal answers 409 or 422 with this page and the reason; a locked key, 303 to
 * {@code /desk/key}. Reachable only by investigators who open the case (404 for any other
 * investigator; the staff gate answers 403 to oversight and administrators).
 */
@Path("/desk/cases/{id}/access")
@Produces(MediaType.TEXT_HTML)
public class CaseAccessPages {

    @Inject
    StaffSession session;

    @Inject
    CaseAccess access;

    @Inject
    UnlockedKeyHolder unlocked;

    @Context
    HttpServletRequest request;

    @GET
    public Response show(@PathParam("id") String id, @QueryParam("changed") String changed) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        Page page = page(me, caseId(id));
        return Response.ok(changed == null ? page : page.with("changed", true)).build();
    }

    @POST
    @Path("{change: grant|assign|revoke}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") String id, @PathParam("change") String change,
            @FormParam("colleague") String colleague, @FormParam("version") String version,
            @FormParam("confirm") String confirm) throws IOException {
        CaseAccess.Change asked = CaseAccess.Change.valueOf(change.toUpperCase(Locale.ROOT));
        if (asked == CaseAccess.Change.REVOKE && !"yes".equals(confirm)) {
            return unconfirmed(id);
        }
        return apply(id, asked, colleague, version);
    }

    /**
     * A revocation sent without its confirmation box ticked (the browser's own check removed, or no
     * browser at all): nothing changes, and the page says why (422).
     */
    private Response unconfirmed(String id) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        UUID caseId = caseId(id);
        access.caseFor(me, caseId);
        String error = Messages.get(Languages.of(request), "caseAccess.revoke.confirmMissing");
        return Response.status(422).entity(page(me, caseId).with("error", error)).build();
    }

    private Response apply(String id, CaseAccess.Change change, String colleague, String version) throws IOException {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        UUID caseId = caseId(id);
        access.caseFor(me, caseId);
        try {
            access.change(me, caseId, change, colleague, version);
        } catch (KeyLocked locked) {
            return seeOther("/desk/key");
        } catch (AccessRefused refused) {
            String error = Messages.get(Languages.of(request), refused.messageKey(), refused.arguments().toArray());
            return Response.status(refused.status()).entity(page(me, caseId).with("error", error)).build();
        }
        return seeOther(access.mayOpen(me, caseId) ? "/desk/cases/" + caseId + "/access?changed=1" : "/desk/cases");
    }

    private Page page(SignedInStaff me, UUID caseId) {
        CaseAccess.Overview overview = access.overview(me, caseId);
        return Page.of("staff/desk/access")
                .with("caseId", caseId.toString())
                .with("shortId", caseId.toString().substring(0, 8))
                .with("me", me.id())
                .with("overview", overview)
                .with("keyUnlocked", unlocked.key().isPresent())
                .with("changed", false);
    }

    private static UUID caseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
