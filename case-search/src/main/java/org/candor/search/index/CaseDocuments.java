package org.candor.search.index;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.candor.search.CaseDocument;
import org.candor.search.analysis.CaseFields;

/**
 * Maps a case to the one Lucene document that represents it in the index, and holds the facet
 * configuration that goes with it.
 *
 * <p>One document per case keeps update and deletion by case ID exact (property 9 of docs/design.md:
 * deleting a case removes every entry of it) and makes hit and facet counts count cases.
 */
public final class CaseDocuments {

  /** Analysed text with positions and offsets (offsets make highlighting cheap). */
  private static final FieldType TEXT_TYPE = new FieldType();

  static {
    TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT_TYPE.setTokenized(true);
    TEXT_TYPE.setStored(false);
    TEXT_TYPE.freeze();
  }

  private CaseDocuments() {}

  /** The facet configuration: labels are multi-valued, the rest single-valued. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(CaseFields.FACET_LABEL, true);
    return config;
  }

  /**
   * Builds the document of {@code c}.
   *
   * @param texts every text of the case in a fixed order (answers, messages, notes, attachment
   *     names, attachment texts); each becomes one stored and three analysed values
   */
  public static Document toDocument(CaseDocument c, List<String> texts) {
    Document doc = new Document();
    doc.add(new StringField(CaseFields.CASE_ID, c.caseId(), Field.Store.YES));
    keyword(doc, CaseFields.CHANNEL, CaseFields.STORED_CHANNEL, CaseFields.FACET_CHANNEL, c.channel());
    keyword(doc, CaseFields.STATUS, CaseFields.STORED_STATUS, CaseFields.FACET_STATUS, c.status());
    for (String label : c.labels()) {
      keyword(doc, CaseFields.LABEL, CaseFields.STORED_LABEL, CaseFields.FACET_LABEL, label);
    }
    String year = Integer.toString(c.received().getYear());
    doc.add(new StringField(CaseFields.YEAR, year, Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(CaseFields.FACET_YEAR, year));
    long day = c.received().toEpochDay();
    doc.add(new LongPoint(CaseFields.RECEIVED, day));
    doc.add(new NumericDocValuesField(CaseFields.RECEIVED, day));
    doc.add(new StoredField(CaseFields.RECEIVED, day));
    for (String text : texts) {
      if (text == null || text.isBlank()) {
        continue;
      }
      doc.add(new StoredField(CaseFields.TEXT, text));
      for (String field : CaseFields.TEXT_FIELDS) {
        doc.add(new Field(field, text, TEXT_TYPE));
      }
    }
    return doc;
  }

  private static void keyword(Document doc, String field, String stored, String dim, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    doc.add(new StringField(field, CaseFields.keyword(value), Field.Store.NO));
    doc.add(new StoredField(stored, value.strip()));
    doc.add(new SortedSetDocValuesFacetField(dim, value.strip()));
  }
}
