package org.candor.portal.desk.search;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.casefile.CaseIndexQuery;
import org.candor.portal.staff.key.InvestigatorKeys;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;
import org.candor.search.CaseHit;
import org.candor.search.Facet;
import org.candor.search.FacetCount;
import org.candor.search.InvalidQueryException;
import org.candor.search.SearchRequest;
import org.candor.search.SearchResults;
import org.candor.search.SortOrder;

/**
 * The desk's search page, server-rendered and usable without JavaScript: {@code GET
 * /desk/search} (query, order, facet filters, pages, highlighted snippets, the index's state and
 * the progress of a rebuild) and {@code POST /desk/search/rebuild}. Keeps docs/design.md property 7:
 * a search runs on the investigator's own index only, which holds only cases sealed to them, and
 * carries the ids of the cases sealed to them now (access revoked since the last catch-up), so
 * nothing of other cases reaches the page; and property 8: every search is audited with its number of hits,
 * never with the query text.
 */
@Path("/desk/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    /** Longest query accepted, in characters. */
    static final int MAX_QUERY = 1000;
    /** Hits per page. */
    static final int PAGE_SIZE = 20;
    private static final Map<Facet, String> PARAMS = new EnumMap<>(Map.of(Facet.STATUS, "status", Facet.CHANNEL, "channel",
            Facet.LABEL, "label", Facet.YEAR_RECEIVED, "year"));
    private static final Map<String, SortOrder> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("relevance", SortOrder.RELEVANCE);
        SORTS.put("newest", SortOrder.NEWEST_FIRST);
        SORTS.put("oldest", SortOrder.OLDEST_FIRST);
    }

    @Inject
    StaffSession session;

    @Inject
    InvestigatorKeys keys;

    @Inject
    SearchKeyring keyring;

    @Inject
    SearchWorker worker;

    @Inject
    CaseIndexQuery caseIndex;

    @Inject
    AuditLog audit;

    @Inject
    ChannelRepository channels;

    @Context
    HttpServletRequest request;

    /** One hit as the page shows it. */
    public record HitView(String id, String shortId, String link, String channel, String status, String received,
            List<String> labels, List<List<Snippets.Part>> snippets) {
    }

    /** A facet value: a link that narrows (or, when chosen, widens) the search. */
    public record FacetLink(String value, String text, long count, String href, boolean chosen) {
    }

    /** A facet with its values. */
    public record FacetView(String id, String title, List<FacetLink> values) {
    }

    /** An order the page offers. */
    public record Choice(String value, String label, boolean selected) {
    }

    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("sort") String sort,
            @QueryParam("status") List<String> status, @QueryParam("channel") List<String> channel,
            @QueryParam("label") List<String> label, @QueryParam("year") List<String> year,
            @QueryParam("page") String page) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        if (!keys.isUnlocked()) {
            return Response.seeOther(URI.create("/desk/key")).build();
        }
        Locale locale = Languages.of(request);
        String query = q == null ? "" : q.strip();
        String sortKey = sort != null && SORTS.containsKey(sort) ? sort : "relevance";
        Map<Facet, List<String>> chosen = new EnumMap<>(Facet.class);
        putChosen(chosen, Facet.STATUS, status);
        putChosen(chosen, Facet.CHANNEL, channel);
        putChosen(chosen, Facet.LABEL, label);
        putChosen(chosen, Facet.YEAR_RECEIVED, year);
        int pageNumber = parsePage(page);

        Page view = Page.of("staff/desk/search")
                .with("q", query)
                .with("sorts", SORTS.keySet().stream().map(k -> new Choice(k, Messages.get(locale, "search.sort." + k),
                        k.equals(sortKey))).toList())
                .with("chosen", chosenLinks(query, sortKey, chosen, locale))
                .with("rebuild", worker.rebuild(me.id()))
                .with("selfLink", link(query, sortKey, chosen, pageNumber));
        SearchKeyring.State state = keyring.state(me.id());
        view.with("state", state.name());
        if (state != SearchKeyring.State.OPEN) {
            return Response.ok(view.with("searched", false)).build();
        }
        if (query.length() > MAX_QUERY || pageNumber < 1) {
            return Response.status(400).entity(view.with("searched", false)
                    .with("error", Messages.get(locale, "search.error.tooLong", MAX_QUERY))).build();
        }
        SearchRequest.Builder b = SearchRequest.builder(query, caseIndex.permittedCaseIds(me.id()))
                .sort(SORTS.get(sortKey))
                .page((pageNumber - 1) * PAGE_SIZE, PAGE_SIZE)
                .snippetsPerHit(3);
        chosen.forEach((facet, values) -> values.forEach(v -> b.narrow(facet, v)));
        SearchResults results;
        try {
            Optional<SearchResults> found = keyring.withIndex(me.id(), open -> open.index().searcher().search(b.build()));
            if (found.isEmpty()) {
                return Response.ok(view.with("searched", false).with("state", SearchKeyring.State.CLOSED.name())).build();
            }
            results = found.get();
        } catch (InvalidQueryException e) {
            return Response.status(422).entity(view.with("searched", false).with("error", e.getMessage())).build();
        }
        List<HitView> hits = results.hits().stream().map(h -> hit(h, locale)).toList();
        long shown = hits.stream().filter(h -> !h.snippets().isEmpty()).count();
        // Every search that ran is recorded with its numbers, never its query text (which may
        // itself be sensitive, e.g. a name) nor the ids of the hits (docs/protocol.md, "Audit").
        audit.record(AuditEvent.of(AuditAction.CASES_SEARCHED, Actor.staff(me.id(), me.username()))
                .with("hits", results.totalHits()).with("shown", shown).with("page", pageNumber));
        List<FacetView> facets = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            List<FacetLink> values = new ArrayList<>();
            for (FacetCount fc : results.facet(facet)) {
                boolean isChosen = chosen.getOrDefault(facet, List.of()).contains(fc.value());
                Map<Facet, List<String>> narrowed = copy(chosen);
                if (!isChosen) {
                    narrowed.computeIfAbsent(facet, f -> new ArrayList<>()).add(fc.value());
                }
                values.add(new FacetLink(fc.value(), facetText(facet, fc.value(), locale), fc.count(),
                        link(query, sortKey, narrowed, 1), isChosen));
            }
            facets.add(new FacetView(PARAMS.get(facet), Messages.get(locale, "search.facet." + PARAMS.get(facet)), values));
        }
        long pages = Math.max(1, (results.totalHits() + PAGE_SIZE - 1) / PAGE_SIZE);
        view.with("searched", true)
                .with("total", results.totalHits())
                .with("hits", hits)
                .with("facets", facets)
                .with("page", pageNumber)
                .with("pages", pages);
        if (pageNumber > 1) {
            view.with("previous", link(query, sortKey, chosen, pageNumber - 1));
        }
        if (pageNumber < pages) {
            view.with("next", link(query, sortKey, chosen, pageNumber + 1));
        }
        return Response.ok(view).build();
    }

    @POST
    @Path("rebuild")
    public Response rebuild() {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        if (!keys.isUnlocked()) {
            return Response.seeOther(URI.create("/desk/key")).build();
        }
        worker.requestRebuild(me.id(), Actor.staff(me.id(), me.username()));
        return Response.seeOther(URI.create("/desk/search#rebuild")).build();
    }

    private HitView hit(CaseHit h, Locale locale) {
        return new HitView(h.caseId(), h.caseId().substring(0, Math.min(8, h.caseId().length())),
                "/desk/cases/" + h.caseId(), facetText(Facet.CHANNEL, h.channel(), locale), statusText(h.status(), locale),
                h.received().toString(),
                h.labels(), h.snippets().stream().map(Snippets::parts).toList());
    }

    /** The channels' names by address, read once per request (a resource lives for one request). */
    private Map<String, String> channelNames;

    private Map<String, String> channelNames(Locale locale) {
        if (channelNames == null) {
            channelNames = new java.util.HashMap<>();
            channels.all().forEach(c -> channelNames.put(c.slug(), c.textFor(locale).name()));
        }
        return channelNames;
    }

    /** A facet value as the desk names it: a status in words, a channel by its name (the index holds its address). */
    private String facetText(Facet facet, String value, Locale locale) {
        return switch (facet) {
            case STATUS -> statusText(value, locale);
            case CHANNEL -> channelNames(locale).getOrDefault(value, value);
            default -> value;
        };
    }

    private static String statusText(String status, Locale locale) {
        String key = "cases.status." + status.toUpperCase(Locale.ROOT);
        String text = Messages.get(locale, key);
        return text.equals(key) ? status : text;
    }

    private List<FacetLink> chosenLinks(String query, String sort, Map<Facet, List<String>> chosen, Locale locale) {
        List<FacetLink> links = new ArrayList<>();
        chosen.forEach((facet, values) -> values.forEach(v -> {
            Map<Facet, List<String>> without = copy(chosen);
            without.get(facet).remove(v);
            links.add(new FacetLink(v, Messages.get(locale, "search.facet." + PARAMS.get(facet)) + ": "
                    + facetText(facet, v, locale), 0, link(query, sort, without, 1), true));
        }));
        return links;
    }

    private static void putChosen(Map<Facet, List<String>> chosen, Facet facet, List<String> values) {
        if (values == null) {
            return;
        }
        List<String> kept = values.stream().filter(v -> v != null && !v.isBlank() && v.length() <= 100)
                .map(String::strip).distinct().limit(10).toList();
        if (!kept.isEmpty()) {
            chosen.put(facet, new ArrayList<>(kept));
        }
    }

    private static Map<Facet, List<String>> copy(Map<Facet, List<String>> chosen) {
        Map<Facet, List<String>> copy = new EnumMap<>(Facet.class);
        chosen.forEach((f, v) -> copy.put(f, new ArrayList<>(v)));
        return copy;
    }

    private static int parsePage(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A link to the search page with these settings. */
    static String link(String query, String sort, Map<Facet, List<String>> chosen, int page) {
        StringBuilder s = new StringBuilder("/desk/search?q=").append(enc(query));
        if (!"relevance".equals(sort)) {
            s.append("&sort=").append(sort);
        }
        chosen.forEach((facet, values) -> values.forEach(v -> s.append('&').append(PARAMS.get(facet)).append('=')
                .append(enc(v))));
        if (page > 1) {
            s.append("&page=").append(page);
        }
        return s.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
