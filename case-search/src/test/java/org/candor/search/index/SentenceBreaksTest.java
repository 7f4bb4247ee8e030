package org.candor.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {

  /** What the highlighter puts between the values of a field (its MULTIVAL_SEP_CHAR). */
  private static final char SEP = '\u0000';
  private static final Supplier<BreakIterator> SENTENCES =
      () -> new SplittingBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT), SEP);

  private static final List<String> TEXTS =
      List.of(
          "One.",
          "No full stop at all",
          "The manager paid the invoices. Then he left! Did anyone ask? Nobody did.",
          "Erster Satz über Rechnungen. Zweiter Satz, z. B. mit Abkürzung. Dritter."
              + SEP
              + "A second answer. With two sentences."
              + SEP
              + SEP
              + "After an empty value.",
          SEP + "Starts with a separator. " + SEP,
          "Mr. Smith met Dr. Jones at 3.30 p.m. in the U.S. office...   Then?!  Yes.\n\nNew paragraph.");

  @Test
  void answersEveryQuestionAsTheSentenceIteratorItReplaces() {
    SentenceBreaks breaks = new SentenceBreaks(SENTENCES);
    for (String text : TEXTS) {
      BreakIterator expected = SENTENCES.get();
      BreakIterator actual = breaks.iterator();
      expected.setText(text);
      actual.setText(text);
      assertEquals(expected.getText().getEndIndex(), actual.getText().getEndIndex(), text);
      assertEquals(expected.first(), actual.first(), text);
      for (int p = expected.next(), q = actual.next(); ; p = expected.next(), q = actual.next()) {
        assertEquals(p, q, text);
        assertEquals(expected.current(), actual.current(), text);
        if (p == BreakIterator.DONE) {
          break;
        }
      }
      assertEquals(expected.last(), actual.last(), text);
      for (int p = expected.previous(), q = actual.previous(); ; p = expected.previous(), q = actual.previous()) {
        assertEquals(p, q, text);
        if (p == BreakIterator.DONE) {
          break;
        }
      }
      for (int offset = 0; offset <= text.length(); offset++) {
        assertEquals(expected.following(offset), actual.following(offset), "following " + offset + " in " + text);
        assertEquals(expected.current(), actual.current(), "after following " + offset + " in " + text);
        assertEquals(expected.preceding(offset), actual.preceding(offset), "preceding " + offset + " in " + text);
        assertEquals(expected.current(), actual.current(), "after preceding " + offset + " in " + text);
      }
    }
  }

  @Test
  void iteratorsOfOneCallShareTheTextTheyWereGivenAndKeepTheirOwnPosition() {
    SentenceBreaks breaks = new SentenceBreaks(SENTENCES);
    String text = TEXTS.get(2);
    BreakIterator a = breaks.iterator();
    BreakIterator b = breaks.iterator();
    a.setText(text);
    b.setText(text);
    assertEquals(31, a.following(5));
    assertEquals(0, b.current());
    assertEquals(45, a.next());
    b.setText(TEXTS.get(0));
    assertEquals(45, a.current());
    assertEquals(4, b.last());
  }
}
