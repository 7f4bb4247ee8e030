package org.candor.portal.casefile;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a message says, as it is sealed into a message item (a whistleblower's message, an
 * investigator's reply or note, outcome grounds, an appeal or its decision): the text and the
 * files that came with it (each a separate sealed {@link ItemKind#ATTACHMENT} item). The JSON
 * document ({@value #FORMAT}) is described in docs/protocol.md, "Contact".
 *
 * <p>Holds contents in clear: in memory only, never logged (toString says nothing).
 */
public record MessageContents(String text, List<ReportContents.AttachmentEntry> attachments) {

    /** Found once: {@code Json.create*} looks the provider up with a ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The format name written into every sealed message. */
    public static final String FORMAT = "candor-message-v1";
    /** The field name attachments of a message carry. */
    public static final String FIELD = "message";

    public MessageContents {
        Objects.requireNonNull(text);
        attachments = List.copyOf(attachments);
    }

    /** The UTF-8 JSON to seal. */
    public byte[] toJson() {
        JsonArrayBuilder files = JSON.createArrayBuilder();
        for (ReportContents.AttachmentEntry a : attachments) {
            files.add(JSON.createObjectBuilder()
                    .add("item", a.item().toString())
                    .add("name", a.name())
                    .add("type", a.contentType())
                    .add("size", a.size()));
        }
        return JSON.createObjectBuilder()
                .add("format", FORMAT)
                .add("text", text)
                .add("attachments", files)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads an opened message; refuses anything that is not a message of this format. */
    public static MessageContents fromJson(byte[] json) {
        JsonObject message;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(json))) {
            message = reader.readObject();
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("not a Candor message", malformed);
        }
        if (!FORMAT.equals(message.getString("format", ""))) {
            throw new IllegalArgumentException("not a " + FORMAT + " document");
        }
        try {
            List<ReportContents.AttachmentEntry> files = message.getJsonArray("attachments").getValuesAs(JsonObject.class)
                    .stream()
                    .map(f -> new ReportContents.AttachmentEntry(UUID.fromString(f.getString("item")), FIELD,
                            f.getString("name"), f.getString("type"), f.getJsonNumber("size").longValue()))
                    .toList();
            return new MessageContents(message.getString("text"), files);
        } catch (RuntimeException missingOrMistyped) {
            // a field missing (null) or of another JSON type (ClassCastException), or a bad item id
            throw new IllegalArgumentException("not a complete " + FORMAT + " document", missingOrMistyped);
        }
    }

    @Override
    public String toString() {
        return "MessageContents[" + text.length() + " chars, " + attachments.size() + " attachments]";
    }
}
