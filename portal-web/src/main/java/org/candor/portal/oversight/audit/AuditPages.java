package org.candor.portal.oversight.audit;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEntry;
import org.candor.portal.audit.AuditHead;
import org.candor.portal.audit.AuditVerdict;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/**
 * Oversight's audit pages: {@code /oversight/audit} (the log, filtered, a page at a time),
 * {@code /oversight/audit/verify} (verify the whole chain) and
 * {@code /oversight/audit/public-key.pem} (the key an external auditor verifies with).
 */
@Path("/oversight/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    AuditReview review;

    @Inject
    StaffSession session;

    @Context
    HttpServletRequest request;

    /** A line of the log as the page shows it: every text ready, in the reader's language. */
    public record Row(long seq, String when, String actor, String action, String subject, String details) {
    }

    /** An action offered in the filter. */
    public record Choice(String value, String label, boolean selected) {
    }

    @GET
    public Response log(@QueryParam("action") String action, @QueryParam("actor") String actor,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page) {
        session.require(Role.OVERSIGHT);
        Locale locale = Languages.of(request);
        AuditFilter filter;
        String error = null;
        try {
            filter = AuditFilter.parse(action, actor, from, to);
        } catch (AuditFilter.InvalidFilter e) {
            filter = AuditFilter.none();
            error = Messages.get(locale, e.messageKey());
        }
        AuditReview.Listing listing = review.list(filter, pageNumber(page));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("action", text(action));
        query.put("actor", text(actor));
        query.put("from", text(from));
        query.put("to", text(to));
        Page view = Page.of("staff/oversight/audit")
                .with("rows", listing.entries().stream().map(e -> row(e, locale)).toList())
                .with("listing", listing)
                .with("actions", choices(filter.action(), locale))
                .with("actor", text(actor))
                .with("from", text(from))
                .with("to", text(to))
                .with("previous", listing.hasPrevious() ? link(query, listing.page() - 1) : "")
                .with("next", listing.hasNext() ? link(query, listing.page() + 1) : "")
                .with("head", review.head())
                .with("fingerprint", review.fingerprint());
        return Response.status(error == null ? 200 : 400).entity(error == null ? view : view.with("error", error)).build();
    }

    @GET
    @Path("verify")
    public Response verifyForm() {
        session.require(Role.OVERSIGHT);
        return Response.ok(verifyPage()).build();
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@FormParam("headSeq") String headSeq, @FormParam("headHash") String headHash) {
        SignedInStaff staff = session.require(Role.OVERSIGHT);
        Locale locale = Languages.of(request);
        Optional<AuditHead> noted;
        try {
            noted = notedHead(headSeq, headHash);
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(verifyPage().with("error", Messages.get(locale, "audit.verify.invalidHead"))
                    .with("headSeq", text(headSeq)).with("headHash", text(headHash))).build();
        }
        AuditVerdict verdict = review.verify(staff, noted);
        Page page = verifyPage().with("verified", true).with("intact", verdict.isIntact())
                .with("checked", verdict.checked())
                .with("verdictHead", verdict.head())
                .with("headSeq", text(headSeq)).with("headHash", text(headHash));
        if (!verdict.isIntact()) {
            page = page.with("firstBroken", verdict.firstBroken())
                    .with("problem", Messages.get(locale, "audit.problem." + verdict.problem().name(), verdict.firstBroken()));
        }
        return Response.ok(page).build();
    }

    @GET
    @Path("public-key.pem")
    @Produces("application/x-pem-file")
    public Response publicKey() {
        session.require(Role.OVERSIGHT);
        return Response.ok(review.publicKeyPem())
                .header("Content-Disposition", "attachment; filename=\"candor-audit-" + review.keyId() + ".pem\"")
                .build();
    }

    private Page verifyPage() {
        return Page.of("staff/oversight/audit-verify")
                .with("head", review.head())
                .with("keyId", review.keyId())
                .with("fingerprint", review.fingerprint())
                .with("publicKey", review.publicKeyPem())
                .with("headSeq", "")
                .with("headHash", "");
    }

    static Optional<AuditHead> notedHead(String seq, String hash) {
        if (text(seq).isBlank() && text(hash).isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AuditHead(Long.parseLong(text(seq).strip()), hash));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a sequence number", e);
        }
    }

    static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String link(Map<String, String> query, int page) {
        String filters = query.entrySet().stream()
                .filter(p -> !p.getValue().isBlank())
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/oversight/audit?" + (filters.isEmpty() ? "" : filters + "&") + "page=" + page;
    }

    private static Row row(AuditEntry e, Locale locale) {
        String actor = switch (e.actorKind()) {
            case "staff" -> e.actorName();
            case "system" -> Messages.get(locale, "audit.actor.system");
            case "anonymous" -> Messages.get(locale, "audit.actor.anonymous");
            default -> e.actorKind();
        };
        String subject = e.subjectKind() == null ? "" : e.subjectKind() + " " + e.subjectId();
        String details = e.details().entrySet().stream().map(d -> d.getKey() + ": " + d.getValue())
                .collect(Collectors.joining(", "));
        return new Row(e.seq(), WHEN.format(e.recordedAt()), actor, actionLabel(e.action(), locale), subject, details);
    }

    private static String actionLabel(String action, Locale locale) {
        String key = "audit.action." + action;
        String label = Messages.get(locale, key);
        return label.equals(key) ? action : label;
    }

    private static List<Choice> choices(AuditAction selected, Locale locale) {
        return Arrays.stream(AuditAction.values())
                .map(a -> new Choice(a.name(), actionLabel(a.name(), locale), a == selected))
                .toList();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
