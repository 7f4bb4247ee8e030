package org.candor.portal.governance.transparency;

import java.util.List;
import java.util.Map;

/**
 * The figures as CSV and JSON: exactly the cells the page shows, suppressed cells as their reason
 * ({@code fewer-than-5}, {@code withheld}) and never a value.
 */
public final class Downloads {

    private Downloads() {
    }

    /** The columns after period, channel and channel name, in order. */
    public static List<String> columns() {
        List<String> columns = new java.util.ArrayList<>();
        for (Measure m : Measure.values()) {
            columns.add(m.key());
        }
        columns.addAll(List.of("acknowledgedWithin7DaysPercent", "feedbackWithin3MonthsPercent", "medianDaysToAcknowledge",
                "medianDaysToFeedback"));
        return columns;
    }

    /** One CSV line per period and channel, RFC 4180, with a header line. */
    public static String csv(Figures figures) {
        StringBuilder out = new StringBuilder("period,channel,channelName");
        for (String column : columns()) {
            out.append(',').append(column);
        }
        out.append("\r\n");
        for (Figures.Row row : figures.rows()) {
            out.append(csvField(row.period().label())).append(',').append(csvField(row.channel().slug())).append(',')
                    .append(csvField(row.channel().name()));
            for (Cell cell : cells(row)) {
                out.append(',').append(cell.isShown() ? cell.number() : cell.status().code());
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** The same as a JSON document: {"threshold":5,"rows":[{"period":..,"channel":..,"figures":{..}}]}. */
    public static String json(Figures figures) {
        StringBuilder out = new StringBuilder("{\"threshold\":").append(Suppression.THRESHOLD).append(",\"rows\":[");
        List<String> columns = columns();
        for (int r = 0; r < figures.rows().size(); r++) {
            Figures.Row row = figures.rows().get(r);
            out.append(r == 0 ? "" : ",").append("{\"period\":").append(jsonString(row.period().label()))
                    .append(",\"channel\":").append(jsonString(row.channel().slug()))
                    .append(",\"channelName\":").append(jsonString(row.channel().name()))
                    .append(",\"figures\":{");
            List<Cell> cells = cells(row);
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                out.append(i == 0 ? "" : ",").append(jsonString(columns.get(i))).append(':')
                        .append(cell.isShown() ? cell.number() : jsonString(cell.status().code()));
            }
            out.append("}}");
        }
        return out.append("]}").toString();
    }

    /** A row's cells in column order. */
    public static List<Cell> cells(Figures.Row row) {
        List<Cell> cells = new java.util.ArrayList<>();
        for (Measure m : Measure.values()) {
            cells.add(row.count(m));
        }
        cells.addAll(List.of(row.acknowledgedShare(), row.feedbackShare(), row.medianDaysToAcknowledge(),
                row.medianDaysToFeedback()));
        return cells;
    }

    /** A row's cells by column name. */
    public static Map<String, Cell> byColumn(Figures.Row row) {
        Map<String, Cell> map = new java.util.LinkedHashMap<>();
        List<Cell> cells = cells(row);
        List<String> columns = columns();
        for (int i = 0; i < cells.size(); i++) {
            map.put(columns.get(i), cells.get(i));
        }
        return map;
    }

    private static String csvField(String s) {
        boolean formula = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
        String safe = formula ? "'" + s : s;
        boolean quote = formula || safe.indexOf('"') >= 0 || safe.indexOf(',') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
