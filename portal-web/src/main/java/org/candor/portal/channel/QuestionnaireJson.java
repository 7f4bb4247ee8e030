package org.candor.portal.channel;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a {@link Questionnaire} as one JSON document in a text column of the channel row
 * (Jakarta JSON Processing, which the server provides).
 *
 * <p>Why a document and not tables: a questionnaire is a value of its channel, read and
 * replaced whole and never queried by its parts; as tables it would take four (fields, their
 * texts, options, their texts) and an ordering column each, with a diff on every edit. One
 * text column reads and writes the same on H2 and PostgreSQL, keeps the order exactly, and
 * can later be copied unchanged into a case to record what the whistleblower was asked.
 * Reading goes through the same constructors as editing, so a stored questionnaire that no
 * longer passes validation fails loudly instead of rendering a broken form.
 *
 * <p>The document holds configuration only: never an answer. Members added after format 1 was
 * first written (such as {@code category}) are optional when read, so that older documents read
 * as before.
 */
@Converter
public class QuestionnaireJson implements AttributeConverter<Questionnaire, String> {

    /** Found once: {@code Json.create*} looks the provider up with a ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The version of the document's shape, for later migrations. */
    static final int FORMAT = 1;

    @Override
    public String convertToDatabaseColumn(Questionnaire questionnaire) {
        JsonArrayBuilder fields = JSON.createArrayBuilder();
        for (QuestionField field : (questionnaire == null ? Questionnaire.EMPTY : questionnaire).fields()) {
            JsonArrayBuilder options = JSON.createArrayBuilder();
            for (ChoiceOption option : field.options()) {
                options.add(JSON.createObjectBuilder().add("key", option.key()).add("label", texts(option.label())));
            }
            fields.add(JSON.createObjectBuilder()
                    .add("key", field.key())
                    .add("type", field.type().name())
                    .add("label", texts(field.label()))
                    .add("help", texts(field.help()))
                    .add("required", field.required())
                    .add("maxLength", field.maxLength())
                    .add("options", options)
                    .add("maxFiles", field.maxFiles())
                    .add("maxFileBytes", field.maxFileBytes())
                    .add("category", field.category()));
        }
        return JSON.createObjectBuilder().add("format", FORMAT).add("fields", fields).build().toString();
    }

    /**
     * Reads a stored document.
     *
     * @throws InvalidChannelInput   if the questionnaire it holds no longer passes validation
     * @throws IllegalStateException if it is not a questionnaire document of a known format
     */
    @Override
    public Questionnaire convertToEntityAttribute(String stored) {
        if (stored == null || stored.isBlank()) {
            return Questionnaire.EMPTY;
        }
        try {
            return read(stored);
        } catch (InvalidChannelInput | IllegalStateException loud) {
            throw loud;
        } catch (RuntimeException unreadable) {
            // broken JSON, a member missing (null) or of another JSON type (ClassCastException), an unknown
            // field type, or a fraction where a whole number belongs (ArithmeticException)
            throw new IllegalStateException("the stored questionnaire is not a questionnaire document", unreadable);
        }
    }

    private static Questionnaire read(String stored) {
        JsonObject document;
        try (JsonReader reader = JSON.createReader(new StringReader(stored))) {
            document = reader.readObject();
        }
        if (document.getInt("format") != FORMAT) {
            throw new IllegalStateException("unknown questionnaire format " + document.getInt("format"));
        }
        List<QuestionField> fields = new ArrayList<>();
        for (JsonValue value : document.getJsonArray("fields")) {
            JsonObject field = value.asJsonObject();
            List<ChoiceOption> options = new ArrayList<>();
            for (JsonValue o : field.getJsonArray("options")) {
                JsonObject option = o.asJsonObject();
                options.add(new ChoiceOption(option.getString("key"), texts(option.getJsonObject("label"))));
            }
            fields.add(new QuestionField(
                    field.getString("key"),
                    FieldType.valueOf(field.getString("type")),
                    texts(field.getJsonObject("label")),
                    texts(field.getJsonObject("help")),
                    field.getBoolean("required"),
                    field.getInt("maxLength"),
                    options,
                    field.getInt("maxFiles"),
                    field.getJsonNumber("maxFileBytes").longValueExact(),
                    // absent in documents stored before categories existed: not the category
                    field.getBoolean("category", false)));
        }
        return new Questionnaire(fields);
    }

    private static JsonObjectBuilder texts(LocalizedText text) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        text.byLanguage().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(e.getKey(), e.getValue()));
        return out;
    }

    private static LocalizedText texts(JsonObject json) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        json.forEach((language, text) -> byLanguage.put(language, ((JsonString) text).getString()));
        return new LocalizedText(byLanguage);
    }
}
