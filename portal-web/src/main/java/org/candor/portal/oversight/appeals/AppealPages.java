package org.candor.portal.oversight.appeals;

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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.candor.portal.appeal.Appeal;
import org.candor.portal.appeal.AppealDecision;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.Problem;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/**
 * Oversight's appeal pages, server-rendered and usable without JavaScript:
 * {@code /oversight/appeals} (every appeal, pending first: case, channel, filed on, state; no
 * contents), {@code /oversight/appeals/{caseId}} (the case's metadata and timeline; with the
 * member's key unlocked, the appeal's reasons and the outcome's grounds) and the decision form
 * ({@code POST .../decision}, then 303 back to the appeal).
 */
@Path("/oversight/appeals")
@Produces(MediaType.TEXT_HTML)
public class AppealPages {

    @Inject
    AppealReview review;

    @Inject
    ChannelRepository channels;

    @Inject
    StaffSession session;

    @Context
    HttpServletRequest request;

    /** A row of the list, every text ready. */
    public record ListRow(String caseId, String shortId, String link, String channel, String filedOn, String state,
            String stateText, String decision, String decidedOn) {
    }

    /** A sealed item as the page shows it. */
    public record ItemRow(String kind, String on, boolean readable, String text, List<String> files) {
    }

    /** A step of the timeline as the page shows it. */
    public record StepRow(String on, String action, String change) {
    }

    /** An option of the decision form. */
    public record Choice(String value, String label) {
    }

    @GET
    public Response list(@QueryParam("page") String page) {
        session.require(Role.OVERSIGHT);
        Locale locale = Languages.of(request);
        AppealReview.Listing listing = review.list(pageNumber(page));
        Map<UUID, String> names = channelNames(locale);
        List<ListRow> rows = listing.rows().stream().map(r -> new ListRow(r.caseId().toString(),
                r.caseId().toString().substring(0, 8), "/oversight/appeals/" + r.caseId(),
                names.getOrDefault(r.channelId(), ""), r.filedOn().toString(), r.state().toLowerCase(Locale.ROOT),
                Messages.get(locale, "appeals.state." + r.state()),
                r.decision().map(d -> Messages.get(locale, "appeals.decision." + d)).orElse("–"),
                r.decidedOn().map(LocalDate::toString).orElse("–"))).toList();
        return Response.ok(Page.of("staff/oversight/appeals")
                .with("rows", rows)
                .with("listing", listing)
                .with("previous", listing.page() > 1 ? "/oversight/appeals?page=" + (listing.page() - 1) : "")
                .with("next", listing.page() < listing.pages() ? "/oversight/appeals?page=" + (listing.page() + 1) : ""))
                .build();
    }

    @GET
    @Path("{caseId}")
    public Response show(@PathParam("caseId") String id) {
        SignedInStaff me = session.require(Role.OVERSIGHT);
        UUID caseId = caseId(id);
        review.appealed(caseId);
        return Response.ok(appealPage(me, caseId, null)).build();
    }

    @POST
    @Path("{caseId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("caseId") String id, @FormParam("decision") String decision,
            @FormParam("grounds") String grounds) throws IOException {
        SignedInStaff me = session.require(Role.OVERSIGHT);
        UUID caseId = caseId(id);
        review.appealed(caseId);
        Locale locale = Languages.of(request);
        try {
            review.decide(me, caseId, decision, grounds);
            return Response.seeOther(URI.create("/oversight/appeals/" + caseId)).build();
        } catch (AppealReview.AlreadyDecided twice) {
            return Response.status(409).entity(appealPage(me, caseId, Messages.get(locale, "appeals.decision.stale")))
                    .build();
        } catch (AppealReview.InvalidDecision invalid) {
            Problem p = invalid.problem();
            return Response.status(422).entity(appealPage(me, caseId,
                    Messages.get(locale, p.key(), p.arguments().toArray())).with("grounds", grounds == null ? "" : grounds))
                    .build();
        }
    }

    private Page appealPage(SignedInStaff me, UUID caseId, String error) {
        Locale locale = Languages.of(request);
        CaseFile caseFile = review.appealed(caseId);
        Appeal appeal = review.appeal(caseId);
        Optional<List<AppealReview.Opened>> opened = review.open(me, caseId);
        Page page = Page.of("staff/oversight/appeal")
                .with("caseId", caseId.toString())
                .with("shortId", caseId.toString().substring(0, 8))
                .with("channel", channels.find(caseFile.channelId()).map(c -> c.textFor(locale).name()).orElse(""))
                .with("status", Messages.get(locale, "cases.status." + caseFile.status().name()))
                .with("received", caseFile.receivedOn().toString())
                .with("acknowledged", day(caseFile.acknowledgedOn()))
                .with("acknowledgeBy", caseFile.deadlines().acknowledgeBy().toString())
                .with("feedbackBy", caseFile.deadlines().feedbackBy().toString())
                .with("concluded", day(caseFile.concludedOn()))
                .with("outcome", caseFile.outcome().map(o -> Messages.get(locale, "cases.outcome." + o.name())).orElse("–"))
                .with("filedOn", appeal.filedOn().toString())
                .with("pending", appeal.isPending())
                .with("stateText", Messages.get(locale, "appeals.state." + appeal.state().name()))
                .with("decision", appeal.decision().map(d -> Messages.get(locale, "appeals.decision." + d.name())).orElse("–"))
                .with("decidedOn", day(appeal.decidedOn()))
                .with("timeline", review.timeline(caseId).stream().map(s -> new StepRow(s.on().toString(),
                        Messages.get(locale, "audit.action." + s.action()), s.change())).toList())
                .with("unlocked", opened.isPresent())
                .with("items", opened.orElse(List.of()).stream().map(o -> new ItemRow(
                        Messages.get(locale, "cases.kind." + o.kind().name()), o.on().toString(), o.readable(), o.text(),
                        o.files())).toList())
                .with("decisions", Arrays.stream(AppealDecision.values())
                        .map(d -> new Choice(d.name(), Messages.get(locale, "appeals.decision." + d.name()))).toList())
                .with("maxGrounds", AppealReview.MAX_GROUNDS)
                .with("grounds", "");
        if (error != null) {
            page.with("error", error);
        }
        return page;
    }

    private Map<UUID, String> channelNames(Locale locale) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (Channel c : channels.all()) {
            names.put(c.id(), c.textFor(locale).name());
        }
        return names;
    }

    private static String day(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse("–");
    }

    static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static UUID caseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
