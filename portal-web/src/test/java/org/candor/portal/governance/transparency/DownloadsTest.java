package org.candor.portal.governance.transparency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void csvAndJsonCarryTheSameCellsAndNoSuppressedValue() {
        Figures figures = Figures.compute(FiguresTest.history(), List.of(
                new Figures.Channel(UUID.randomUUID(), "none", "None"),
                new Figures.Channel(FiguresTest.history().get(0).channelId(), "fraud", "Fraud, \"Money\"")),
                new Quarter(2025, 4));
        String csv = Downloads.csv(figures);
        JsonObject json = Json.createReader(new StringReader(Downloads.json(figures))).readObject();
        assertEquals(5, json.getInt("threshold"));
        String[] lines = csv.split("\r\n");
        assertEquals(figures.rows().size() + 1, lines.length);
        List<String> columns = Downloads.columns();
        for (int i = 0; i < figures.rows().size(); i++) {
            JsonObject row = json.getJsonArray("rows").getJsonObject(i);
            String line = lines[i + 1];
            assertTrue(line.startsWith(row.getString("period") + "," + row.getString("channel") + ","), line);
            String[] cells = line.substring(line.lastIndexOf('"') + 1).split(",", -1);
            List<String> tail = List.of(cells).subList(cells.length - columns.size(), cells.length);
            for (int c = 0; c < columns.size(); c++) {
                JsonValue v = row.getJsonObject("figures").get(columns.get(c));
                String fromJson = v.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString()
                        : v.toString();
                assertEquals(fromJson, tail.get(c), columns.get(c) + " in " + row.getString("period"));
            }
        }
        assertTrue(csv.contains("\"Fraud, \"\"Money\"\"\""), "a name with a comma and quotes is quoted");
        assertTrue(csv.contains("fewer-than-5"));
        for (JsonValue r : json.getJsonArray("rows")) {
            for (Measure m : Measure.values()) {
                JsonValue v = r.asJsonObject().getJsonObject("figures").get(m.key());
                assertFalse(v.getValueType() == JsonValue.ValueType.NUMBER && ((jakarta.json.JsonNumber) v).intValue() < 5,
                        "a count below 5 is downloadable: " + m.key());
            }
        }
    }
}
