package org.candor.portal.oversight.access;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.candor.portal.audit.AuditEntry;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.StaffSession;

/**
 * {@code /oversight/access}: who opened which case when, filtered by staff member and case, a
 * page at a time, from the audit log ({@link AccessLog}). No contents.
 */
@Path("/oversight/access")
@Produces(MediaType.TEXT_HTML)
public class AccessLogPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    AccessLog log;

    @Inject
    StaffSession session;

    @Context
    HttpServletRequest request;

    /** A line as the page shows it. */
    public record Row(long seq, String when, String staff, String staffLink, String caseId, String shortId,
            String caseLink, String what) {
    }

    @GET
    public Response list(@QueryParam("staff") String staff, @QueryParam("case") String caseId,
            @QueryParam("page") String page) {
        session.require(Role.OVERSIGHT);
        Locale locale = Languages.of(request);
        AccessLog.Filter filter;
        String error = null;
        try {
            filter = AccessLog.Filter.parse(staff, caseId);
        } catch (AccessLog.InvalidFilter e) {
            filter = AccessLog.Filter.none();
            error = Messages.get(locale, e.messageKey());
        }
        AccessLog.Listing listing = log.list(filter, pageNumber(page));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("staff", error == null ? text(staff) : "");
        query.put("case", error == null ? text(caseId) : "");
        Page view = Page.of("staff/oversight/access")
                .with("rows", listing.entries().stream().map(e -> row(e, locale)).toList())
                .with("listing", listing)
                .with("staff", text(staff))
                .with("case", text(caseId))
                .with("previous", listing.page() > 1 ? link(query, listing.page() - 1) : "")
                .with("next", listing.page() < listing.pages() ? link(query, listing.page() + 1) : "");
        return Response.status(error == null ? 200 : 400).entity(error == null ? view : view.with("error", error)).build();
    }

    private static Row row(AuditEntry e, Locale locale) {
        String what = "CASE_EXPORTED".equals(e.action()) ? Messages.get(locale, "access.part.export")
                : Messages.get(locale, "access.part." + e.details().getOrDefault("part", "case"));
        String item = e.details().getOrDefault("item", "");
        String staff = e.actorName() == null ? "" : e.actorName();
        return new Row(e.seq(), WHEN.format(e.recordedAt()), staff, link(Map.of("staff", staff), 1),
                e.subjectId(), e.subjectId().substring(0, Math.min(8, e.subjectId().length())),
                link(Map.of("case", e.subjectId()), 1),
                item.isEmpty() ? what : what + " " + item.substring(0, Math.min(8, item.length())));
    }

    static String link(Map<String, String> query, int page) {
        String filters = query.entrySet().stream().filter(p -> !p.getValue().isBlank())
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/oversight/access?" + (filters.isEmpty() ? "" : filters + "&") + "page=" + page;
    }

    static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
