package org.candor.portal.desk.cases;

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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.candor.crypto.IntegrityCheckFailed;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseListQuery;
import org.candor.portal.casefile.CaseMessages;
import org.candor.portal.casefile.upload.MessageForm;
import org.candor.portal.casefile.upload.Multipart;
import org.candor.portal.casefile.CaseStatus;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.Outcome;
import org.candor.portal.casefile.SafeFileNames;
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
 * The investigator's case pages, all server-rendered and usable without JavaScript:
 * {@code /desk/cases} (the list), {@code /desk/cases/{id}} (the case, after key unlock),
 * {@code /desk/cases/{id}/files/{item}} (an attachment, decrypted and checked) and
 * {@code .../files/{item}.gpg} (its original ciphertext), and the forms that move the case,
 * conclude it and label it (POST, then 303 back to the case).
 */
@Path("/desk/cases")
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    @Inject
    StaffSession session;

    @Inject
    CaseList list;

    @Inject
    DeskCases cases;

    @Inject
    ChannelRepository channels;

    @Inject
    CaseExport export;

    @Context
    HttpServletRequest request;

    /**
     * A row of the list, every text ready: {@code nextActor} says who acts next, {@code daysLeft}
     * the days to the next deadline (negative once overdue), {@code unread} whether the
     * whistleblower wrote something this investigator has not opened yet.
     */
    public record ListRow(String id, String link, String channel, String status, String received, long ageDays,
            String due, String standing, String standingText, List<String> labels, String lastActivity,
            String nextActor, String daysLeft, boolean unread, String category) {
    }

    /** A saved view of the list: its link, name and how many cases it holds. */
    public record ViewLink(String key, String link, String label, long count, boolean current) {
    }

    /** An option of a filter. */
    public record Choice(String value, String label, boolean selected) {
    }

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("channel") String channel,
            @QueryParam("label") String label, @QueryParam("deadline") String deadline,
            @QueryParam("waiting") String waiting, @QueryParam("unread") String unread,
            @QueryParam("category") String category, @QueryParam("sort") String sort, @QueryParam("page") String page) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        Locale locale = Languages.of(request);
        CaseQuery query;
        String error = null;
        try {
            query = CaseQuery.parse(status, channel, label, deadline, waiting, unread, category, sort, page);
        } catch (InvalidCaseInput e) {
            query = CaseQuery.all();
            error = Messages.get(locale, e.messageKey());
        }
        LocalDate today = cases.today();
        CaseList.Listing listing = list.list(me.id(), query, today);
        Map<UUID, String> channelNames = new LinkedHashMap<>();
        Map<UUID, Channel> byId = new LinkedHashMap<>();
        for (Channel c : channels.all()) {
            channelNames.put(c.id(), c.textFor(locale).name());
            byId.put(c.id(), c);
        }
        List<ListRow> rows = listing.rows().stream().map(r -> {
            Standing standing = Standing.of(r.due(), today);
            return new ListRow(r.id().toString(), "/desk/cases/" + r.id(), channelNames.getOrDefault(r.channelId(), ""),
                    Messages.get(locale, "cases.status." + r.status().name()), r.receivedOn().toString(),
                    ChronoUnit.DAYS.between(r.receivedOn(), today), r.due().map(LocalDate::toString).orElse("–"),
                    standing.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    Messages.get(locale, "cases.standing." + standing.name()), r.labels(), r.lastActivityOn().toString(),
                    Messages.get(locale, "cases.next." + r.nextActor().map(Enum::name).orElse("NONE")),
                    r.due().map(d -> daysLeft(locale, ChronoUnit.DAYS.between(today, d))).orElse("–"),
                    r.unread(), categoryText(Optional.ofNullable(byId.get(r.channelId())), r.category(), locale));
        }).toList();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", query.status().map(Enum::name).orElse(""));
        filters.put("channel", query.channel().map(UUID::toString).orElse(""));
        filters.put("label", query.label().map(Label::value).orElse(""));
        filters.put("deadline", query.deadline().map(Enum::name).orElse(""));
        filters.put("waiting", query.waiting() ? "yes" : "");
        filters.put("unread", query.unread() ? "yes" : "");
        filters.put("category", query.category().orElse(""));
        filters.put("sort", query.sort().name());
        CaseQuery q = query;
        Page view = Page.of("staff/desk/cases")
                .with("rows", rows)
                .with("listing", listing)
                .with("statuses", choices(Arrays.stream(CaseStatus.values()).map(Enum::name).toList(),
                        q.status().map(Enum::name).orElse(""), "cases.status.", locale))
                .with("deadlines", choices(Arrays.stream(CaseQuery.DeadlineFilter.values()).map(Enum::name).toList(),
                        q.deadline().map(Enum::name).orElse(""), "cases.deadline.", locale))
                .with("sorts", choices(Arrays.stream(CaseQuery.Sort.values()).map(Enum::name).toList(),
                        q.sort().name(), "cases.sort.", locale))
                .with("channels", channelNames.entrySet().stream()
                        .map(e -> new Choice(e.getKey().toString(), e.getValue(), q.channel().map(e.getKey()::equals).orElse(false)))
                        .toList())
                // the category filter offers the options of the one channel the list is filtered to
                .with("categories", q.channel().map(byId::get).flatMap(c -> c.questionnaire().category())
                        .map(field -> field.options().stream()
                                .map(o -> new Choice(o.key(), o.label().in(locale), q.category().map(o.key()::equals).orElse(false)))
                                .toList())
                        .orElse(List.of()))
                .with("category", q.category().orElse(""))
                .with("labels", list.labelsInUse(me.id()).stream()
                        .map(l -> new Choice(l, l, q.label().map(x -> x.value().equals(l)).orElse(false))).toList())
                // without their counts: counting every view reads all the investigator's cases, which the
                // list, one index range per page, must not (docs/benchmarks.md, "Case list")
                .with("views", views(null, query, locale))
                .with("filtered", query.status().isPresent() || query.channel().isPresent() || query.label().isPresent()
                        || query.category().isPresent()
                        || query.deadline().isPresent() || query.waiting() || query.unread()
                        || query.sort() != CaseQuery.Sort.DUE)
                .with("waiting", query.waiting())
                .with("unread", query.unread())
                .with("previous", listing.page() > 1 ? link(filters, listing.page() - 1) : "")
                .with("next", listing.page() < listing.pages() ? link(filters, listing.page() + 1) : "")
                .with("today", today.toString());
        return Response.status(error == null ? 200 : 400).entity(error == null ? view : view.with("error", error)).build();
    }

    @GET
    @Path("{id}")
    public Response show(@PathParam("id") String id) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        UUID caseId = caseId(id);
        cases.caseFor(me, caseId);
        try {
            return Response.ok(casePage(me, caseId, null, 200)).build();
        } catch (KeyLocked locked) {
            return seeOther("/desk/key");
        }
    }

    @GET
    @Path("{id}/files/{item}")
    public Response attachment(@PathParam("id") String id, @PathParam("item") String item) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        UUID caseId = caseId(id);
        boolean gpg = item.endsWith(".gpg");
        UUID itemId = caseId(gpg ? item.substring(0, item.length() - 4) : item);
        if (gpg) {
            DeskCases.Download download = cases.ciphertext(me, caseId, itemId);
            StreamingOutput body = out -> {
                try (InputStream in = cases.openBlob(download.item().blob())) {
                    in.transferTo(out);
                }
            };
            return file(body, download.name(), download.contentType());
        }
        DeskCases.Download download;
        try {
            download = cases.checkAttachment(me, caseId, itemId);
        } catch (KeyLocked locked) {
            return seeOther("/desk/key");
        } catch (IntegrityCheckFailed damaged) {
            return Response.status(422).entity(casePage(me, caseId, "cases.file.damaged", 422)).build();
        } catch (IOException unreadable) {
            return Response.status(422).entity(casePage(me, caseId, "cases.file.unreadable", 422)).build();
        }
        StreamingOutput body = out -> cases.streamAttachment(download, out);
        return file(body, download.name(), download.contentType());
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") String id, @FormParam("from") String from, @FormParam("to") String to) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        UUID caseId = caseId(id);
        cases.caseFor(me, caseId);
        try {
            cases.move(me, caseId, status(from), status(to));
            return seeOther("/desk/cases/" + caseId);
        } catch (StaleCase stale) {
            return refused(me, caseId, "cases.status.stale", 409);
        } catch (InvalidCaseInput e) {
            return refused(me, caseId, e.messageKey(), 422);
        }
    }

    @POST
    @Path("{id}/conclude")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response conclude(@PathParam("id") String id, @FormParam("from") String from,
            @FormParam("outcome") String outcome, @FormParam("grounds") String grounds) throws IOException {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        UUID caseId = caseId(id);
        cases.caseFor(me, caseId);
        try {
            cases.conclude(me, caseId, status(from), outcome, grounds);
            return seeOther("/desk/cases/" + caseId);
        } catch (StaleCase stale) {
            return refused(me, caseId, "cases.status.stale", 409);
        } catch (InvalidCaseInput e) {
            return refused(me, caseId, e.messageKey(), 422);
        }
    }

    @POST
    @Path("{id}/labels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response label(@PathParam("id") String id, @FormParam("label") String label,
            @FormParam("remove") String remove) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        UUID caseId = caseId(id);
        cases.caseFor(me, caseId);
        try {
            if (remove != null && !remove.isBlank()) {
                cases.removeLabel(me, caseId, remove);
            } else {
                cases.addLabel(me, caseId, label);
            }
            return seeOther("/desk/cases/" + caseId);
        } catch (InvalidCaseInput e) {
            return refused(me, caseId, e.messageKey(), 422);
        }
    }

    @POST
    @Path("{id}/replies")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response reply(@PathParam("id") String id) throws IOException {
        return message(id, ItemKind.INVESTIGATOR_REPLY);
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response note(@PathParam("id") String id) throws IOException {
        return message(id, ItemKind.INTERNAL_NOTE);
    }

    /**
     * Streams a reply or note form into a sealed message; 303 back to the case, or the case page
     * with the refusal (422) and nothing kept.
     */
    private Response message(String id, ItemKind kind) throws IOException {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        UUID caseId = caseId(id);
        cases.caseFor(me, caseId);
        try (CaseMessages.Draft draft = cases.draft(me, caseId, kind)) {
            int files = MessageForm.readInto(request, draft);
            UUID item = cases.send(me, caseId, kind, draft, files);
            return seeOther("/desk/cases/" + caseId + "#item-" + item);
        } catch (CaseMessages.Refused refused) {
            Multipart.drain(request);
            Problem problem = refused.problem();
            return refusedWith(me, caseId, Messages.get(Languages.of(request), problem.key(),
                    problem.arguments().toArray()), 422);
        }
    }

    /**
     * The whole case as one OpenPGP message sealed to the investigator's own key: a zip of the
     * answers, the conversation with the notes, and every attachment ({@link CaseExport}).
     */
    @GET
    @Path("{id}/export")
    @Produces(MediaType.WILDCARD)
    public Response export(@PathParam("id") String id) {
        SignedInStaff me = session.require(Role.INVESTIGATOR);
        UUID caseId = caseId(id);
        cases.caseFor(me, caseId);
        CaseExport.Plan plan;
        try {
            plan = export.prepare(me, caseId);
        } catch (KeyLocked locked) {
            return seeOther("/desk/key");
        } catch (InvalidCaseInput e) {
            return refused(me, caseId, e.messageKey(), 422);
        }
        StreamingOutput body = out -> export.write(plan, out);
        return file(body, plan.fileName(), "application/pgp-encrypted");
    }

    /** The case page with a refusal; when the key is locked, the refusal goes without contents. */
    private Response refused(SignedInStaff me, UUID caseId, String messageKey, int status) {
        return refusedWith(me, caseId, Messages.get(Languages.of(request), messageKey), status);
    }

    /** The same, with the refusal's text ready. */
    private Response refusedWith(SignedInStaff me, UUID caseId, String error, int status) {
        try {
            return Response.status(status).entity(casePage(me, caseId, null, status).with("error", error)).build();
        } catch (KeyLocked locked) {
            return Response.status(status).entity(Page.of("staff/desk/case-refused")
                    .with("error", error)
                    .with("link", "/desk/cases/" + caseId)).build();
        }
    }

    private Page casePage(SignedInStaff me, UUID caseId, String errorKey, int status) {
        Locale locale = Languages.of(request);
        CaseView view = cases.open(me, caseId, locale);
        CaseFile caseFile = cases.caseFor(me, caseId);
        LocalDate today = cases.today();
        Optional<LocalDate> due = caseFile.nextDeadline();
        Standing standing = Standing.of(due, today);
        List<Choice> moves = new ArrayList<>();
        for (CaseStatus next : caseFile.status().next()) {
            if (next != CaseStatus.CONCLUDED) {
                moves.add(new Choice(next.name(), Messages.get(locale, "cases.move." + next.name()), false));
            }
        }
        Page page = Page.of("staff/desk/case")
                .with("caseId", caseId.toString())
                .with("shortId", caseId.toString().substring(0, 8))
                .with("channel", cases.channelOf(caseFile).map(c -> c.textFor(locale).name()).orElse(""))
                .with("category", categoryText(cases.channelOf(caseFile), caseFile.category(), locale))
                .with("status", caseFile.status().name())
                .with("statusText", Messages.get(locale, "cases.status." + caseFile.status().name()))
                .with("received", caseFile.receivedOn().toString())
                .with("acknowledgeBy", caseFile.deadlines().acknowledgeBy().toString())
                .with("feedbackBy", caseFile.deadlines().feedbackBy().toString())
                .with("acknowledged", caseFile.acknowledgedOn().map(LocalDate::toString).orElse("–"))
                .with("concluded", caseFile.concludedOn().map(LocalDate::toString).orElse("–"))
                .with("outcome", caseFile.outcome().map(o -> Messages.get(locale, "cases.outcome." + o.name())).orElse("–"))
                .with("standing", standing.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .with("standingText", Messages.get(locale, "cases.standing." + standing.name()))
                .with("due", due.map(LocalDate::toString).orElse("–"))
                .with("daysLeft", due.map(d -> daysLeft(locale, ChronoUnit.DAYS.between(today, d))).orElse(""))
                .with("nextActor", Messages.get(locale, "cases.next." + caseFile.nextActor().map(Enum::name).orElse("NONE")))
                .with("sealedInBrowser", caseFile.sealedInBrowser())
                .with("moves", moves)
                .with("mayConclude", caseFile.status().mayMoveTo(CaseStatus.CONCLUDED))
                .with("outcomes", Arrays.stream(Outcome.values())
                        .map(o -> new Choice(o.name(), Messages.get(locale, "cases.outcome." + o.name()), false)).toList())
                .with("labels", cases.labels(caseId))
                .with("view", view)
                .with("conversation", view.conversation().stream().map(e -> new ConversationRow(e.item().toString(),
                        Messages.get(locale, "cases.kind." + e.kind()), e.on().toString(), e.author().orElse(""),
                        e.text(), e.files(), e.damaged(), e.sharedWithWhistleblower(),
                        e.kind().toLowerCase(Locale.ROOT).replace('_', '-')))
                        .toList())
                .with("maxChars", CaseMessages.MAX_TEXT_CHARS)
                .with("filesAllowed", cases.channelOf(caseFile).map(c -> c.uploadLimits().allowed()).orElse(false));
        if (errorKey != null) {
            page.with("error", Messages.get(locale, errorKey));
        }
        return page;
    }

    /** An entry of the conversation, every text ready. */
    public record ConversationRow(String item, String kind, String on, String author, String text,
            List<CaseView.Attachment> files, boolean damaged, boolean shared, String css) {
    }

    /**
     * The saved views with their counts (-1 when {@code counts} is null); the one whose filters the
     * list shows is marked current.
     */
    public static List<ViewLink> views(CaseListQuery.Counts counts, CaseQuery query, Locale locale) {
        List<ViewLink> views = new ArrayList<>();
        for (CaseQuery.View v : CaseQuery.View.values()) {
            long count = counts == null ? -1 : switch (v) {
                case OPEN -> counts.open();
                case ACKNOWLEDGE -> counts.toAcknowledge();
                case WAITING -> counts.waiting();
                case OVERDUE -> counts.overdue();
                case UNREAD -> counts.unread();
            };
            CaseQuery shown = query.onPage(1);
            boolean current = switch (v) {
                case OPEN -> shown.equals(new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(CaseQuery.DeadlineFilter.OPEN), CaseQuery.Sort.DUE, 1));
                case ACKNOWLEDGE -> shown.equals(new CaseQuery(Optional.of(CaseStatus.RECEIVED), Optional.empty(),
                        Optional.empty(), Optional.empty(), CaseQuery.Sort.DUE, 1));
                case WAITING -> shown.equals(new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), true, false, CaseQuery.Sort.DUE, 1));
                case OVERDUE -> shown.equals(new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(CaseQuery.DeadlineFilter.OVERDUE), CaseQuery.Sort.DUE, 1));
                case UNREAD -> shown.equals(new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), false, true, CaseQuery.Sort.DUE, 1));
            };
            views.add(new ViewLink(v.name().toLowerCase(Locale.ROOT), v.link(),
                    Messages.get(locale, "cases.view." + v.name()), count, current));
        }
        return views;
    }

    /** A case's category as its channel's questionnaire names it in the reader's language; "–" when none. */
    static String categoryText(Optional<Channel> channel, Optional<String> category, Locale locale) {
        return category.map(key -> channel.map(c -> c.questionnaire().categoryLabel(key, locale)).orElse(key))
                .orElse("–");
    }

    /** "3 days left", "due today", "2 days overdue". */
    static String daysLeft(Locale locale, long days) {
        return days < 0 ? Messages.get(locale, "cases.daysOverdue", -days) : Messages.get(locale, "cases.daysLeft", days);
    }

    private List<Choice> choices(List<String> values, String selected, String prefix, Locale locale) {
        return values.stream().map(v -> new Choice(v, Messages.get(locale, prefix + v), v.equals(selected))).toList();
    }

    static String link(Map<String, String> query, int page) {
        String filters = query.entrySet().stream()
                .filter(p -> !p.getValue().isBlank())
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/desk/cases?" + (filters.isEmpty() ? "" : filters + "&") + "page=" + page;
    }

    /** A download: the name and type cleaned as on every download of the portal (see {@link SafeFileNames}). */
    private static Response file(StreamingOutput body, String name, String contentType) {
        return Response.ok(body, SafeFileNames.cleanType(contentType))
                .header("Content-Disposition", SafeFileNames.contentDisposition(name))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static UUID caseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    private static CaseStatus status(String value) {
        try {
            return CaseStatus.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseInput("cases.status.notAllowed");
        }
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
