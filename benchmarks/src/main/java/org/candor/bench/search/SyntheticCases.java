package org.candor.bench.search;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.candor.search.CaseDocument;

/**
 * A deterministic corpus of synthetic cases for the search benchmarks: English and German text
 * of about {@code bytesPerCase} bytes each, with channels, statuses, labels and dates spread over
 * five years. The same seed always gives the same cases.
 */
final class SyntheticCases implements Iterator<CaseDocument> {

  static final long SEED = 20_240_501L;

  private static final String[] EN =
      ("report invoice invoices payment payments manager managers fraud bribery supplier suppliers"
              + " contract contracts warehouse inventory account accounts transfer transfers audit"
              + " auditor safety accident accidents harassment complaint complaints office offices"
              + " director board meeting meetings minutes budget expense expenses travel receipt"
              + " receipts procurement tender tenders colleague colleagues department evidence"
              + " email emails document documents spreadsheet threat threatened retaliation"
              + " the a of to and in was were has have about with by for on at this that it")
          .split(" ");
  private static final String[] DE =
      ("Bericht Berichte Rechnung Rechnungen Zahlung Zahlungen Vorgesetzter Betrug Bestechung"
              + " Lieferant Lieferanten Vertrag Verträge Lager Bestand Konto Konten Überweisung"
              + " Prüfung Prüfer Sicherheit Unfall Unfälle Belästigung Beschwerde Büro Abteilung"
              + " Vorstand Sitzung Protokoll Haushalt Ausgaben Reise Beleg Belege Ausschreibung"
              + " Kollege Kollegen Beweis Dokument Dokumente Drohung Vergeltung der die das und in"
              + " von mit für auf ist wurde wurden hat haben über bei nicht ein eine")
          .split(" ");
  static final String[] CHANNELS = {"finance", "hr", "safety", "procurement", "it", "legal"};
  static final String[] STATUSES = {
    "received", "acknowledged", "in_assessment", "in_investigation", "concluded"
  };
  static final String[] LABELS = {
    "urgent", "bribery", "harassment", "data-protection", "retaliation", "environment", "tax", "antitrust"
  };

  private final int count;
  private final int bytesPerCase;
  private final String prefix;
  private final SplittableRandom random;
  private int next;

  SyntheticCases(int count, int bytesPerCase, long seed, String idPrefix) {
    this.count = count;
    this.bytesPerCase = bytesPerCase;
    this.prefix = idPrefix;
    this.random = new SplittableRandom(seed);
  }

  static String caseId(String prefix, int i) {
    return prefix + i;
  }

  @Override
  public boolean hasNext() {
    return next < count;
  }

  @Override
  public CaseDocument next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int i = next++;
    boolean german = random.nextInt(3) == 0;
    String[] words = german ? DE : EN;
    CaseDocument.Builder b =
        CaseDocument.builder(caseId(prefix, i), LocalDate.of(2021, 1, 1).plusDays(random.nextInt(5 * 365)))
            .channel(CHANNELS[random.nextInt(CHANNELS.length)])
            .status(STATUSES[random.nextInt(STATUSES.length)]);
    int labels = random.nextInt(3);
    for (int l = 0; l < labels; l++) {
      b.label(LABELS[random.nextInt(LABELS.length)]);
    }
    b.answer(text(words, bytesPerCase * 6 / 10));
    b.message(text(words, bytesPerCase * 3 / 10));
    b.note(text(EN, bytesPerCase / 10));
    return b.build();
  }

  private String text(String[] words, int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 16);
    while (sb.length() < bytes) {
      sb.append(words[random.nextInt(words.length)]);
      // A rare made-up word per sentence gives the term dictionary a realistic long tail.
      if (random.nextInt(12) == 0) {
        sb.append(' ').append("x").append(Integer.toString(random.nextInt(200_000), 36));
      }
      sb.append(random.nextInt(10) == 0 ? ". " : " ");
    }
    return sb.toString();
  }
}
