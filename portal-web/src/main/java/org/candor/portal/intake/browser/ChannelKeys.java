package org.candor.portal.intake.browser;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.candor.crypto.RecipientKey;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.ChoiceOption;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.intake.FormTokens;
import org.candor.portal.intake.SealingRecipients;

/**
 * What a browser needs to seal a report itself (docs/protocol.md, "Sealed in the browser",
 * step 1): the public keys of the channel's current recipients with their fingerprints, the
 * upload limits, the questionnaire's constraints, and a form token of its own for the upload
 * (the form's token stays unused, for the plain form if the browser path fails). Public
 * information only, and no state about who asks.
 */
@Path("/report/{slug}/keys")
public class ChannelKeys {

    /** Found once: {@code Json.create*} looks the provider up with a ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The format name of the answer. */
    public static final String FORMAT = "candor-keys-v1";

    @Inject
    ChannelRepository channels;

    @Inject
    SealingRecipients recipients;

    @Inject
    FormTokens tokens;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response keys(@PathParam("slug") String slug) {
        Channel channel = channels.findBySlug(slug).filter(Channel::isPublished).orElseThrow(NotFoundException::new);
        SealingRecipients.Current current = recipients.of(channel);
        if (current.isEmpty()) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(JSON.createObjectBuilder().add("status", "closed").build()).build();
        }
        return Response.ok(describe(channel, current, tokens.issue(channel.id()))).build();
    }

    static JsonObject describe(Channel channel, SealingRecipients.Current current, String token) {
        JsonArrayBuilder keys = JSON.createArrayBuilder();
        for (RecipientKey key : current.keys()) {
            keys.add(JSON.createObjectBuilder().add("fingerprint", key.fingerprint()).add("key", key.toArmored()));
        }
        UploadLimits limits = channel.uploadLimits();
        JsonArrayBuilder fields = JSON.createArrayBuilder();
        for (QuestionField field : channel.questionnaire().fields()) {
            JsonArrayBuilder options = JSON.createArrayBuilder();
            for (ChoiceOption option : field.options()) {
                options.add(option.key());
            }
            fields.add(JSON.createObjectBuilder()
                    .add("key", field.key())
                    .add("type", field.type().name())
                    .add("required", field.required())
                    .add("maxLength", field.maxLength())
                    .add("options", options)
                    .add("maxFiles", field.maxFiles())
                    .add("maxFileBytes", field.maxFileBytes())
                    .add("category", field.category()));
        }
        return JSON.createObjectBuilder()
                .add("format", FORMAT)
                .add("channel", channel.slug())
                .add("token", token)
                .add("recipients", keys)
                .add("limits", JSON.createObjectBuilder()
                        .add("filesAllowed", limits.allowed())
                        .add("maxFiles", limits.maxFiles())
                        .add("maxFileBytes", limits.maxFileBytes())
                        .add("maxTotalBytes", limits.maxTotalBytes()))
                .add("fields", fields)
                .build();
    }
}
