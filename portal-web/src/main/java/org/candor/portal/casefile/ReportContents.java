package org.candor.portal.casefile;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a report says, as it is sealed into the case's {@link ItemKind#REPORT} item: the answers
 * by field key, and the attachments (their case item, field, name, type and size). The same
 * JSON document ({@value #FORMAT}) is made on the server for a report sent without JavaScript
 * and in the browser for one sent with it (docs/protocol.md, "Stored report").
 *
 * <p>Holds report contents in clear: in memory only, never logged (toString says nothing).
 */
public record ReportContents(String channel, String language, Map<String, List<String>> answers,
        List<AttachmentEntry> attachments) {

    /** Found once: {@code Json.create*} looks the provider up with a ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The format name written into every sealed report. */
    public static final String FORMAT = "candor-report-v1";

    public ReportContents {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(language);
        answers = Map.copyOf(new LinkedHashMap<>(answers));
        attachments = List.copyOf(attachments);
    }

    /** An attached file as the report lists it; its contents are a separate sealed item. */
    public record AttachmentEntry(UUID item, String field, String name, String contentType, long size) {
        public AttachmentEntry {
            Objects.requireNonNull(item);
            Objects.requireNonNull(field);
            Objects.requireNonNull(name);
            Objects.requireNonNull(contentType);
        }

        @Override
        public String toString() {
            return "AttachmentEntry[" + item + ", " + size + " bytes]";
        }
    }

    /** The UTF-8 JSON to seal. */
    public byte[] toJson() {
        JsonObjectBuilder answersJson = JSON.createObjectBuilder();
        answers.forEach((key, values) -> {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            values.forEach(array::add);
            answersJson.add(key, array);
        });
        JsonArrayBuilder files = JSON.createArrayBuilder();
        for (AttachmentEntry a : attachments) {
            files.add(JSON.createObjectBuilder()
                    .add("item", a.item().toString())
                    .add("field", a.field())
                    .add("name", a.name())
                    .add("type", a.contentType())
                    .add("size", a.size()));
        }
        return JSON.createObjectBuilder()
                .add("format", FORMAT)
                .add("channel", channel)
                .add("language", language)
                .add("answers", answersJson)
                .add("attachments", files)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads an opened report; refuses anything that is not a report of this format. */
    public static ReportContents fromJson(byte[] json) {
        JsonObject report;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(json))) {
            report = reader.readObject();
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("not a Candor report", malformed);
        }
        if (!FORMAT.equals(report.getString("format", ""))) {
            throw new IllegalArgumentException("not a " + FORMAT + " document");
        }
        try {
            Map<String, List<String>> answers = new LinkedHashMap<>();
            report.getJsonObject("answers").forEach((key, value) -> answers.put(key,
                    ((JsonArray) value).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
            List<AttachmentEntry> files = report.getJsonArray("attachments").getValuesAs(JsonObject.class).stream()
                    .map(f -> new AttachmentEntry(UUID.fromString(f.getString("item")), f.getString("field"),
                            f.getString("name"), f.getString("type"), f.getJsonNumber("size").longValue()))
                    .toList();
            return new ReportContents(report.getString("channel"), report.getString("language"), answers, files);
        } catch (RuntimeException missingOrMistyped) {
            // a field missing (null) or of another JSON type (ClassCastException), or a bad item id
            throw new IllegalArgumentException("not a complete " + FORMAT + " document", missingOrMistyped);
        }
    }

    @Override
    public String toString() {
        return "ReportContents[" + answers.size() + " answers, " + attachments.size() + " attachments]";
    }
}
