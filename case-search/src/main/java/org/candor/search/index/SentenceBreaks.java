package org.candor.search.index;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sentence boundaries of the texts of one highlighting call, found once per text and shared
 * by the highlighters of the three analysed fields, which all cut the same stored text.
 *
 * <p>The highlighter asks its break iterator for the sentence before and after every match, and
 * the case texts match almost everywhere, so Java's rule-based sentence iterator went over each
 * text several times per field: about a sixth of a search's time. Here it goes over each text
 * once, forwards, and the boundaries it gave answer every later question by binary search, so
 * the passages are the same as before. Texts are recognised by identity: the highlighter passes
 * the one string it was given for all fields of a document. Not thread-safe: one per call.
 */
final class SentenceBreaks {

  private final Supplier<BreakIterator> source;
  private final Map<String, int[]> byText = new IdentityHashMap<>();

  /**
   * @param source makes the iterator whose boundaries are wanted (a new one per text is fine;
   *     its state is not kept)
   */
  SentenceBreaks(Supplier<BreakIterator> source) {
    this.source = source;
  }

  /** A new iterator over the shared boundaries; give one to each field's highlighter. */
  BreakIterator iterator() {
    return new Iterator();
  }

  private int[] boundaries(String text) {
    int[] b = byText.get(text);
    if (b == null) {
      BreakIterator it = source.get();
      it.setText(text);
      b = new int[16];
      int n = 0;
      for (int p = it.first(); p != BreakIterator.DONE; p = it.next()) {
        if (n == b.length) {
          b = Arrays.copyOf(b, n * 2);
        }
        b[n++] = p;
      }
      b = Arrays.copyOf(b, n);
      byText.put(text, b);
    }
    return b;
  }

  /** Walks the boundaries of one text as a {@link BreakIterator} does. */
  private final class Iterator extends BreakIterator {
    private String text = "";
    private int[] bounds = {0};
    private int at;

    @Override
    public void setText(String newText) {
      text = newText;
      bounds = boundaries(newText);
      at = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
      throw new UnsupportedOperationException("only whole strings are highlighted");
    }

    @Override
    public CharacterIterator getText() {
      StringCharacterIterator it = new StringCharacterIterator(text);
      it.setIndex(current());
      return it;
    }

    @Override
    public int first() {
      at = 0;
      return bounds[0];
    }

    @Override
    public int last() {
      at = bounds.length - 1;
      return bounds[at];
    }

    @Override
    public int next(int n) {
      int target = at + n;
      if (target < 0 || target >= bounds.length) {
        at = target < 0 ? 0 : bounds.length - 1;
        return DONE;
      }
      at = target;
      return bounds[at];
    }

    @Override
    public int next() {
      if (at + 1 >= bounds.length) {
        return DONE;
      }
      return bounds[++at];
    }

    @Override
    public int previous() {
      if (at == 0) {
        return DONE;
      }
      return bounds[--at];
    }

    @Override
    public int following(int offset) {
      check(offset);
      // The first boundary after offset.
      int i = Arrays.binarySearch(bounds, offset);
      i = i >= 0 ? i + 1 : -i - 1;
      if (i >= bounds.length) {
        at = bounds.length - 1;
        return DONE;
      }
      at = i;
      return bounds[at];
    }

    @Override
    public int preceding(int offset) {
      check(offset);
      // The last boundary before offset.
      int i = Arrays.binarySearch(bounds, offset);
      i = i >= 0 ? i - 1 : -i - 2;
      if (i < 0) {
        at = 0;
        return DONE;
      }
      at = i;
      return bounds[at];
    }

    @Override
    public int current() {
      return bounds[at];
    }

    private void check(int offset) {
      if (offset < 0 || offset > text.length()) {
        throw new IllegalArgumentException("offset " + offset + " outside the text");
      }
    }
  }
}
