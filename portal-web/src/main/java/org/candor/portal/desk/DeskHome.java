package org.candor.portal.desk;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import org.candor.portal.casefile.CaseListQuery;
import org.candor.portal.desk.cases.CaseList;
import org.candor.portal.desk.cases.CasePages;
import org.candor.portal.desk.cases.CaseQuery;
import org.candor.portal.desk.cases.DeskCases;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.staff.key.InvestigatorKeys;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/**
 * The desk's start: an investigator without a key is led to set one up first; one with a key sees
 * how many of their cases are open, wait for the acknowledgement, are overdue, wait for them or
 * hold something unread, each a link to that view of the list.
 */
@Path("/desk")
@Produces(MediaType.TEXT_HTML)
public class DeskHome {

    @Inject
    StaffSession session;

    @Inject
    InvestigatorKeys keys;

    @Inject
    CaseList list;

    @Inject
    DeskCases cases;

    @Context
    HttpServletRequest request;

    @GET
    public Response show() {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        if (keys.of(me.id()).isEmpty()) {
            return Response.seeOther(URI.create("/desk/key/setup")).build();
        }
        CaseListQuery.Counts counts = list.counts(me.id(), cases.today());
        return Response.ok(Page.of("staff/desk/home")
                .with("unlocked", keys.isUnlocked())
                .with("views", CasePages.views(counts, CaseQuery.all(), Languages.of(request)))
                .with("anyCase", counts.all() > 0)).build();
    }
}
