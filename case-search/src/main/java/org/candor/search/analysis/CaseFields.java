package org.candor.search.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that names the index's fields and the words a query may use for them.
 *
 * <p>Full text is indexed three times from the same stored values: {@link #TEXT_PLAIN} (lower
 * case, accents folded, no stemming: exact phrases, prefix, wildcard and fuzzy queries), {@link
 * #TEXT_EN} (English stemming) and {@link #TEXT_DE} (German normalisation and light stemming). A
 * plain word is looked up in all three, so that plurals and inflections of both languages match
 * without guessing the language of each (often mixed) case.
 */
public final class CaseFields {

  /** Case ID: exact, stored; used for access filtering, update and deletion. */
  public static final String CASE_ID = "case_id";
  /** Channel, lower-cased keyword. */
  public static final String CHANNEL = "channel";
  /** Status, lower-cased keyword. */
  public static final String STATUS = "status";
  /** Labels, lower-cased keywords (multi-valued). */
  public static final String LABEL = "label";
  /** Year received, four digits. */
  public static final String YEAR = "year";
  /** Date received as epoch day: points, doc values for sorting, stored. */
  public static final String RECEIVED = "received";
  /** The stored texts (one value per answer, message, note, attachment name or text). */
  public static final String TEXT = "text";
  /** Text, not stemmed. */
  public static final String TEXT_PLAIN = "text_plain";
  /** Text, English analysis. */
  public static final String TEXT_EN = "text_en";
  /** Text, German analysis. */
  public static final String TEXT_DE = "text_de";
  /** Stored display values of the keyword fields (original spelling). */
  public static final String STORED_CHANNEL = "channel_display";

  public static final String STORED_STATUS = "status_display";
  public static final String STORED_LABEL = "label_display";

  /** Facet dimension names (sorted-set doc values). */
  public static final String FACET_STATUS = "status";

  public static final String FACET_CHANNEL = "channel";
  public static final String FACET_LABEL = "label";
  public static final String FACET_YEAR = "year";

  /** The analysed text fields, in the order their snippets are preferred. */
  public static final List<String> TEXT_FIELDS = List.of(TEXT_PLAIN, TEXT_EN, TEXT_DE);

  /** Keyword fields a query may name, by every word accepted for them. */
  private static final Map<String, String> QUERY_FIELDS =
      Map.ofEntries(
          Map.entry("channel", CHANNEL),
          Map.entry("kanal", CHANNEL),
          Map.entry("status", STATUS),
          Map.entry("state", STATUS),
          Map.entry("label", LABEL),
          Map.entry("labels", LABEL),
          Map.entry("tag", LABEL),
          Map.entry("year", YEAR),
          Map.entry("received", YEAR),
          Map.entry("jahr", YEAR),
          Map.entry("case", CASE_ID),
          Map.entry("id", CASE_ID),
          Map.entry("fall", CASE_ID));

  private CaseFields() {}

  /** The index field a query's {@code name:} refers to, if it is one. */
  public static Optional<String> queryField(String name) {
    return Optional.ofNullable(QUERY_FIELDS.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The words a query may use before a colon, for error messages. */
  public static String queryFieldNames() {
    return "channel:, status:, label:, year:, case: (also kanal:, state:, tag:, labels:, jahr:,"
        + " received:, id:, fall:)";
  }

  /** How keyword values are normalised, at indexing and at query time alike. */
  public static String keyword(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
