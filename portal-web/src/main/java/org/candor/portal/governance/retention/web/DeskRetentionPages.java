package org.candor.portal.governance.retention.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.candor.portal.governance.retention.CaseRetention;
import org.candor.portal.governance.retention.ExtensionReason;
import org.candor.portal.governance.retention.InvalidRetentionInput;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/**
 * An investigator's retention pages: their cases by deletion day, and one case's retention with
 * the forms to keep it longer and to place or lift a legal hold. Plain forms, no JavaScript;
 * a refused form comes back with its input and the reason (422). Cases not sealed to the
 * investigator are not found (404).
 */
@Path("/desk/retention")
@Produces(MediaType.TEXT_HTML)
public class DeskRetentionPages {

    @Inject
    StaffSession session;

    @Inject
    CaseRetention retention;

    @Context
    HttpServletRequest request;

    @GET
    public Page list() {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        List<CaseRetention.State> cases = retention.sealedTo(me.id());
        return Page.of("staff/admin/retention-cases").with("cases", cases).with("today", retention.today());
    }

    @GET
    @Path("{id}")
    public Page show(@PathParam("id") UUID caseId, @QueryParam("saved") String saved) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        Page page = casePage(retention.stateFor(me, caseId), "", "", "");
        return saved != null && saved.matches("[a-z]{1,12}") ? page.with("saved", "retention.saved." + saved) : page;
    }

    @POST
    @Path("{id}/extend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("id") UUID caseId, @FormParam("until") String until,
            @FormParam("reason") String reason, @FormParam("note") String note) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        try {
            retention.extend(me, caseId, until, reason, note);
            return back(caseId, "extended");
        } catch (InvalidRetentionInput e) {
            return refused(me, caseId, e, until, reason, note);
        }
    }

    @POST
    @Path("{id}/hold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response hold(@PathParam("id") UUID caseId, @FormParam("reason") String reason, @FormParam("note") String note) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        try {
            retention.placeHold(me, caseId, reason, note);
            return back(caseId, "held");
        } catch (InvalidRetentionInput e) {
            return refused(me, caseId, e, "", reason, note);
        }
    }

    @POST
    @Path("{id}/lift")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lift(@PathParam("id") UUID caseId) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        try {
            retention.liftHold(me, caseId);
            return back(caseId, "lifted");
        } catch (InvalidRetentionInput e) {
            return refused(me, caseId, e, "", "", "");
        }
    }

    private Page casePage(CaseRetention.State state, String until, String reason, String note) {
        java.util.Locale language = Languages.of(request);
        String holdText = Messages.get(language, "retention.case.heldSince",
                state.holdSince().map(Object::toString).orElse(""),
                Messages.get(language, "retention.reason." + state.holdReason().map(Enum::name).orElse("PROCEEDINGS")));
        String extensionReason = Messages.get(language,
                "retention.reason." + state.extensionReason().map(Enum::name).orElse("ONGOING_INVESTIGATION"));
        return Page.of("staff/admin/retention-case").with("state", state)
                .with("holdText", holdText).with("extensionReason", extensionReason)
                .with("reasons", List.of(ExtensionReason.values()).stream().map(Enum::name).toList())
                .with("until", until == null ? "" : until).with("reason", reason == null ? "" : reason)
                .with("note", note == null ? "" : note).with("maxNote", CaseRetention.MAX_NOTE)
                .with("today", retention.today());
    }

    private Response refused(SignedInStaff me, UUID caseId, InvalidRetentionInput e, String until, String reason,
            String note) {
        Page page = casePage(retention.stateFor(me, caseId), until, reason, note)
                .with("error", Messages.get(Languages.of(request), e.messageKey()));
        return Response.status(422).entity(page).type(MediaType.TEXT_HTML).build();
    }

    private static Response back(UUID caseId, String saved) {
        return Response.seeOther(URI.create("/desk/retention/" + caseId + "?saved=" + saved)).build();
    }
}
