package org.candor.portal.governance.transparency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgChartTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String chart() {
        return SvgChart.bars("chart-1", "Reports <received> & more", "Bars \"per\" quarter",
                List.of(new SvgChart.Bar("2025-Q1", Optional.of(12.0), ""), new SvgChart.Bar("2025-Q2", Optional.empty(), "<5"),
                        new SvgChart.Bar("2025-Q3", Optional.of(30.0), "")));
    }

    @Test
    void theChartIsWellFormedSvgNamedByItsTitleAndDescription() throws Exception {
        Document doc = parse(chart());
        Element svg = doc.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
        assertEquals("img", svg.getAttribute("role"));
        assertEquals("chart-1-title chart-1-desc", svg.getAttribute("aria-labelledby"));
        Element title = (Element) svg.getElementsByTagName("title").item(0);
        assertEquals("chart-1-title", title.getAttribute("id"));
        assertEquals("Reports <received> & more", title.getTextContent());
        assertEquals("Bars \"per\" quarter", svg.getElementsByTagName("desc").item(0).getTextContent());
        assertEquals(svg.getFirstChild(), title, "the title comes first, as SVG accessibility asks");
    }

    @Test
    void aSuppressedBarIsAMarkedStubNeverDrawnToItsValue() throws Exception {
        Document doc = parse(chart());
        var rects = doc.getElementsByTagName("rect");
        assertEquals(3, rects.getLength());
        Element suppressed = (Element) rects.item(1);
        assertEquals("chart-bar-suppressed", suppressed.getAttribute("class"));
        assertEquals("6", suppressed.getAttribute("height"));
        assertTrue(doc.getDocumentElement().getTextContent().contains("<5"));
    }

    @Test
    void theChartHasNoScriptNoStyleAndNoLinkOut() throws Exception {
        String svg = chart();
        var all = parse(svg).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            var attributes = all.item(i).getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                assertFalse(attributes.item(a).getNodeName().startsWith("on"), "an event handler attribute");
            }
        }
        assertFalse(svg.contains("<script"));
        assertFalse(svg.contains("style="));
        assertFalse(svg.contains("<style"));
        assertFalse(svg.contains("href"));
    }
}
