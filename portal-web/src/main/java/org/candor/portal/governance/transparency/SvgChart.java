package org.candor.portal.governance.transparency;

import java.util.List;
import java.util.Optional;

/**
 * A bar chart as accessible SVG, drawn on the server: {@code role="img"}, a title and a
 * description naming it (the numbers themselves are in the table beside it), presentation
 * attributes and classes of candor.css only (no inline script or style, so the strict CSP
 * holds). A suppressed bar is drawn as a short outlined stub marked "fewer than 5" or
 * "withheld", never at a height that would tell its value.
 */
public final class SvgChart {

    private static final int BAR = 28;
    private static final int GAP = 14;
    private static final int HEIGHT = 160;
    private static final int TOP = 24;
    private static final int BOTTOM = 40;
    private static final int LEFT = 12;

    private SvgChart() {
    }

    /** A bar: its label, and its value if shown, or the short mark of why not. */
    public record Bar(String label, Optional<Double> value, String mark) {
    }

    /** A bar laid out: its rectangle, the text above it and the label below. */
    public record Shape(int x, int y, int width, int height, boolean suppressed, int center, int textY, String text,
            int labelY, String label) {
    }

    /** A chart laid out, for a template to draw (every value escaped there) or {@link #bars} to write. */
    public record Chart(String id, String title, String desc, int width, int height, int baseline, int axisEnd,
            List<Shape> shapes) {

        public String labelledBy() {
            return id + "-title " + id + "-desc";
        }

        public String viewBox() {
            return "0 0 " + width + " " + height;
        }
    }

    /** Lays a chart out. */
    public static Chart layout(String id, String title, String desc, List<Bar> bars) {
        if (!id.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("a chart id is letters, digits and '-'");
        }
        double max = bars.stream().flatMap(b -> b.value().stream()).mapToDouble(Double::doubleValue).max().orElse(1);
        if (max <= 0) {
            max = 1;
        }
        int width = LEFT * 2 + Math.max(1, bars.size()) * (BAR + GAP);
        int baseline = TOP + HEIGHT;
        List<Shape> shapes = new java.util.ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int x = LEFT + i * (BAR + GAP) + GAP / 2;
            int center = x + BAR / 2;
            if (bar.value().isPresent()) {
                int h = (int) Math.round(HEIGHT * bar.value().get() / max);
                shapes.add(new Shape(x, baseline - h, BAR, h, false, center, baseline - h - 6,
                        Cell.shown(bar.value().get()).number(), baseline + 16, bar.label()));
            } else {
                shapes.add(new Shape(x, baseline - 6, BAR, 6, true, center, baseline - 12, bar.mark(), baseline + 16,
                        bar.label()));
            }
        }
        return new Chart(id, title, desc, width, baseline + BOTTOM, baseline, width - LEFT, shapes);
    }

    /**
     * The chart as SVG markup.
     *
     * @param id    a unique id prefix for this chart on its page (letters, digits, '-')
     * @param title the chart's accessible name
     * @param desc  what it shows, in a sentence
     */
    public static String bars(String id, String title, String desc, List<Bar> bars) {
        Chart chart = layout(id, title, desc, bars);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(chart.width())
                .append("\" height=\"").append(chart.height()).append("\" viewBox=\"").append(chart.viewBox())
                .append("\" aria-labelledby=\"").append(chart.labelledBy()).append("\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(desc)).append("</desc>");
        svg.append("<line class=\"chart-axis\" x1=\"").append(LEFT).append("\" y1=\"").append(chart.baseline())
                .append("\" x2=\"").append(chart.axisEnd()).append("\" y2=\"").append(chart.baseline())
                .append("\" stroke=\"#5b6470\" stroke-width=\"1\"/>");
        for (Shape s : chart.shapes()) {
            svg.append("<rect class=\"").append(s.suppressed() ? "chart-bar-suppressed" : "chart-bar").append("\" x=\"")
                    .append(s.x()).append("\" y=\"").append(s.y()).append("\" width=\"").append(s.width())
                    .append("\" height=\"").append(s.height()).append(s.suppressed()
                            ? "\" fill=\"none\" stroke=\"#5b6470\" stroke-dasharray=\"3 2\"/>" : "\" fill=\"#1f5f99\"/>");
            svg.append(text(s.center(), s.textY(), "chart-value", s.text()));
            svg.append(text(s.center(), s.labelY(), "chart-label", s.label()));
        }
        return svg.append("</svg>").toString();
    }

    private static String text(int x, int y, String cssClass, String content) {
        return "<text class=\"" + cssClass + "\" x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"middle\" font-size=\"11\">"
                + escape(content) + "</text>";
    }

    /** Escapes text for XML content and attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
