package org.candor.portal.desk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void splitsMarkedAndPlainPartsAndUndoesTheLibrarysEscaping() {
        assertEquals(List.of(new Snippets.Part("a &lt; ", false), new Snippets.Part("b", true),
                        new Snippets.Part(" <script>'x'/", false)),
                Snippets.parts("a &amp;lt; <mark>b</mark> &lt;script&gt;&#x27;x&#39;&#x2F;"));
    }

    @Test
    void markupInTheTextNeverBecomesAMarkPart() {
        List<Snippets.Part> parts = Snippets.parts("&lt;mark&gt;not a match&lt;/mark&gt;");
        assertEquals(List.of(new Snippets.Part("<mark>not a match</mark>", false)), parts);
    }

    @Test
    void anUnclosedMarkAndUnknownEntitiesAreKeptAsText() {
        assertEquals(List.of(new Snippets.Part("x ", false), new Snippets.Part("y &bogus;", true)),
                Snippets.parts("x <mark>y &bogus;"));
    }
}
