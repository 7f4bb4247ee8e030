package org.candor.portal.admin.channels;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.InvalidChannelInput;
import org.candor.portal.channel.MissingTranslation;
import org.candor.portal.channel.Problem;
import org.candor.portal.channel.PublishRefused;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/**
 * The administrator's channel pages, server-rendered and usable without JavaScript: every
 * change is one plain form posted to its own address, answered with a redirect to the channel
 * on success, or with the same form, the input kept and the reason shown (422), when refused.
 * Only administrators get here ({@code StaffGate}, and {@link StaffSession#require} again in
 * each method).
 */
@Path("/admin/channels")
@Produces(MediaType.TEXT_HTML)
public class ChannelPages {

    @Inject
    ChannelAdministration channels;

    @Inject
    StaffSession session;

    @Context
    HttpServletRequest request;

    /** A channel in the list. */
    public record Row(UUID id, String slug, String name, boolean published, int recipients, int ready,
            List<String> problems) {
    }

    /** A question in the questionnaire overview. */
    public record FieldRow(String key, String typeKey, String label, boolean required, boolean first, boolean last) {
    }

    /** A recipient and whether reports can reach them. */
    public record RecipientRow(String name, String username, boolean ready, String problem, String advice) {
    }

    /** An investigator who may be chosen, and whether they are. */
    public record Choice(UUID id, String name, String username, boolean chosen) {
    }

    @GET
    public Page list() {
        admin();
        Locale reader = reader();
        List<Row> rows = channels.list().stream()
                .map(s -> new Row(s.channel().id(), s.channel().slug(), s.channel().textFor(reader).name(),
                        s.channel().isPublished(), s.channel().recipients().size(), s.readyRecipients(),
                        render(s.problems())))
                .toList();
        return Page.of("staff/admin/channels").with("channels", rows);
    }

    @GET
    @Path("new")
    public Page newChannel() {
        admin();
        return Page.of("staff/admin/channel-new").with("form", TextsForm.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> posted) {
        SignedInStaff admin = admin();
        TextsForm form = TextsForm.from(posted);
        try {
            Channel channel = channels.create(admin, form.slug(), form.texts());
            return backTo(channel.id(), "created");
        } catch (InvalidChannelInput e) {
            return refused(Page.of("staff/admin/channel-new").with("form", form), e);
        }
    }

    @GET
    @Path("{id}")
    public Page show(@PathParam("id") UUID id, @QueryParam("saved") String saved) {
        admin();
        Page page = overview(channels.get(id), List.of());
        return saved == null || !saved.matches("[a-z]{1,20}") ? page : page.with("saved", "channel.saved." + saved);
    }

    @GET
    @Path("{id}/texts")
    public Page texts(@PathParam("id") UUID id) {
        admin();
        Channel channel = channels.get(id);
        return textsPage(channel).with("form", TextsForm.of(channel));
    }

    @POST
    @Path("{id}/texts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeTexts(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        SignedInStaff admin = admin();
        Channel channel = channels.get(id);
        TextsForm form = TextsForm.from(posted);
        try {
            channels.changeTexts(admin, id, form.texts());
            return backTo(id, "texts");
        } catch (InvalidChannelInput e) {
            return refused(textsPage(channel).with("form", form), e);
        }
    }

    @GET
    @Path("{id}/recipients")
    public Page recipients(@PathParam("id") UUID id) {
        admin();
        Channel channel = channels.get(id);
        return recipientsPage(channel, channel.recipients());
    }

    @POST
    @Path("{id}/recipients")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chooseRecipients(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        SignedInStaff admin = admin();
        Channel channel = channels.get(id);
        List<String> ticked = posted.getOrDefault("recipient", List.of());
        Set<UUID> chosen;
        try {
            chosen = ticked.stream().map(UUID::fromString).collect(Collectors.toSet());
        } catch (IllegalArgumentException malformed) {
            return refused(recipientsPage(channel, channel.recipients()), new InvalidChannelInput("channel.recipient.unknown"));
        }
        try {
            channels.chooseRecipients(admin, id, chosen);
            return backTo(id, "recipients");
        } catch (InvalidChannelInput e) {
            return refused(recipientsPage(channel, chosen), e);
        }
    }

    @GET
    @Path("{id}/limits")
    public Page limits(@PathParam("id") UUID id) {
        admin();
        Channel channel = channels.get(id);
        return limitsPage(channel).with("form", LimitsForm.of(channel));
    }

    @POST
    @Path("{id}/limits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeLimits(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        SignedInStaff admin = admin();
        Channel channel = channels.get(id);
        LimitsForm form = LimitsForm.from(posted);
        try {
            channels.changeLimits(admin, id, form.retention(), form.uploadLimits());
            return backTo(id, "limits");
        } catch (InvalidChannelInput e) {
            return refused(limitsPage(channel).with("form", form), e);
        }
    }

    @GET
    @Path("{id}/fields/new")
    public Page newField(@PathParam("id") UUID id, @QueryParam("type") String type) {
        admin();
        Channel channel = channels.get(id);
        FieldType kind;
        try {
            kind = FieldType.parse(type);
        } catch (InvalidChannelInput e) {
            throw new NotFoundException();
        }
        return fieldPage(channel, null).with("form", FieldForm.blank(kind));
    }

    @POST
    @Path("{id}/fields")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addField(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        SignedInStaff admin = admin();
        Channel channel = channels.get(id);
        FieldType kind;
        try {
            kind = FieldType.parse(Forms.value(posted, "type"));
        } catch (InvalidChannelInput e) {
            return Response.status(400).entity(overview(channel, List.of())).build();
        }
        FieldForm form = FieldForm.from(kind.name(), posted);
        try {
            channels.addField(admin, id, form.field());
            return backTo(id, "questionnaire");
        } catch (InvalidChannelInput e) {
            return refused(fieldPage(channel, null).with("form", form), e);
        }
    }

    @GET
    @Path("{id}/fields/{key}")
    public Page field(@PathParam("id") UUID id, @PathParam("key") String key) {
        admin();
        Channel channel = channels.get(id);
        QuestionField field = channel.questionnaire().field(key).orElseThrow(NotFoundException::new);
        return fieldPage(channel, key).with("form", FieldForm.of(field));
    }

    @POST
    @Path("{id}/fields/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeField(@PathParam("id") UUID id, @PathParam("key") String key,
            MultivaluedMap<String, String> posted) {
        SignedInStaff admin = admin();
        Channel channel = channels.get(id);
        QuestionField current = channel.questionnaire().field(key).orElseThrow(NotFoundException::new);
        FieldForm form = FieldForm.from(current.type().name(), posted);
        try {
            channels.replaceField(admin, id, key, form.field());
            return backTo(id, "questionnaire");
        } catch (InvalidChannelInput e) {
            return refused(fieldPage(channel, key).with("form", form), e);
        }
    }

    @POST
    @Path("{id}/fields/{key}/up")
    public Response moveUp(@PathParam("id") UUID id, @PathParam("key") String key) {
        return questionnaireStep(id, () -> channels.moveField(admin(), id, key, -1));
    }

    @POST
    @Path("{id}/fields/{key}/down")
    public Response moveDown(@PathParam("id") UUID id, @PathParam("key") String key) {
        return questionnaireStep(id, () -> channels.moveField(admin(), id, key, 1));
    }

    @POST
    @Path("{id}/fields/{key}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") UUID id, @PathParam("key") String key,
            @jakarta.ws.rs.FormParam("confirm") String confirm) {
        admin();
        if (!"yes".equals(confirm)) {
            Page page = overview(channels.get(id), List.of())
                    .with("error", Messages.get(reader(), "channel.questionnaire.removeConfirmMissing"));
            return Response.status(422).entity(page).build();
        }
        return questionnaireStep(id, () -> channels.removeField(admin(), id, key));
    }

    private Response questionnaireStep(UUID id, Runnable step) {
        admin();
        Channel channel = channels.get(id);
        try {
            step.run();
            return backTo(id, "questionnaire");
        } catch (InvalidChannelInput e) {
            return refused(overview(channel, List.of()), e);
        }
    }

    @POST
    @Path("{id}/publish")
    public Response publish(@PathParam("id") UUID id) {
        SignedInStaff admin = admin();
        try {
            channels.publish(admin, id);
            return backTo(id, "published");
        } catch (PublishRefused refused) {
            Page page = overview(channels.get(id), render(refused.problems())).with("refused", true);
            return Response.status(409).entity(page).build();
        }
    }

    /**
     * Withdraws a published channel, only with its confirmation box ticked: without it (the
     * browser's check removed, or no browser), nothing changes and the page says why (422).
     */
    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") UUID id, @jakarta.ws.rs.FormParam("confirm") String confirm) {
        SignedInStaff admin = admin();
        if (!"yes".equals(confirm)) {
            Page page = overview(channels.get(id), List.of())
                    .with("error", Messages.get(reader(), "channel.withdraw.confirmMissing"));
            return Response.status(422).entity(page).build();
        }
        channels.withdraw(admin, id);
        return backTo(id, "withdrawn");
    }

    private Page overview(Channel channel, List<String> refusal) {
        Locale reader = reader();
        List<QuestionField> fields = channel.questionnaire().fields();
        List<FieldRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            QuestionField f = fields.get(i);
            rows.add(new FieldRow(f.key(), "channel.type." + f.type().name(), f.labelIn(reader), f.required(),
                    i == 0, i == fields.size() - 1));
        }
        List<RecipientRow> recipients = channels.recipients(channel).stream()
                .map(r -> new RecipientRow(r.displayName(), r.username(), r.state().isReady(),
                        r.state().isReady() ? "" : Messages.get(reader, r.state().problemKey(), r.displayName()),
                        r.state().isReady() ? "" : Messages.get(reader, r.state().adviceKey(), r.displayName())))
                .toList();
        List<String> untranslated = channel.missingTranslations().stream()
                .map(m -> untranslated(m, reader))
                .toList();
        UploadLimits limits = channel.uploadLimits();
        return Page.of("staff/admin/channel")
                .with("untranslated", untranslated)
                .with("channel", channel)
                .with("name", channel.textFor(reader).name())
                .with("description", channel.textFor(reader).description())
                .with("fields", rows)
                .with("types", List.of(FieldType.values()).stream().map(Enum::name).toList())
                .with("recipients", recipients)
                .with("problems", refusal.isEmpty() ? render(channels.publishProblems(channel)) : refusal)
                .with("retentionDays", channel.retention().days())
                .with("uploadsAllowed", limits.allowed())
                .with("maxFileMib", limits.maxFileBytes() / UploadLimits.MIB)
                .with("maxFiles", limits.maxFiles())
                .with("maxTotalMib", limits.maxTotalBytes() / UploadLimits.MIB);
    }

    /** One line of the missing translations: the language, then what lacks a text in it. */
    private static String untranslated(MissingTranslation missing, Locale reader) {
        List<String> what = new java.util.ArrayList<>();
        if (missing.texts()) {
            what.add(Messages.get(reader, "channel.translations.texts"));
        }
        missing.questions().forEach(label -> what.add(Messages.get(reader, "channel.translations.question", label)));
        return Messages.get(reader, "channel.translations.item", missing.language().getDisplayLanguage(reader),
                String.join("; ", what));
    }

    private Page textsPage(Channel channel) {
        return Page.of("staff/admin/channel-texts").with("channel", channel);
    }

    private Page limitsPage(Channel channel) {
        return Page.of("staff/admin/channel-limits").with("channel", channel);
    }

    private Page recipientsPage(Channel channel, Set<UUID> chosen) {
        List<StaffMember> investigators = channels.investigators();
        List<Choice> choices = investigators.stream()
                .map(s -> new Choice(s.id(), s.displayName().value(), s.username().value(), chosen.contains(s.id())))
                .toList();
        return Page.of("staff/admin/channel-recipients").with("channel", channel).with("choices", choices);
    }

    private Page fieldPage(Channel channel, String key) {
        Page page = Page.of("staff/admin/channel-field").with("channel", channel);
        return key == null ? page : page.with("key", key);
    }

    private Response refused(Page page, InvalidChannelInput e) {
        return Response.status(422).entity(page.with("error", ProblemText.of(e.problem(), reader()))).build();
    }

    private static Response backTo(UUID id, String saved) {
        return Response.seeOther(URI.create("/admin/channels/" + id + "?saved=" + saved)).build();
    }

    private List<String> render(List<Problem> problems) {
        Locale reader = reader();
        return problems.stream().map(p -> ProblemText.of(p, reader)).toList();
    }

    private SignedInStaff admin() {
        return session.require(Role.ADMINISTRATOR);
    }

    private Locale reader() {
        return Languages.of(request);
    }
}
