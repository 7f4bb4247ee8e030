package org.candor.portal.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes reading an opened report document ({@value ReportContents#FORMAT}), which a whistleblower's browser
 * writes and seals (docs/design.md property 10, bad input fails clearly): any bytes give the report or an
 * {@link IllegalArgumentException}, the refusal the desk, the export and the search indexer handle; nothing else
 * escapes, and what is read writes back to a document that reads as the same report.
 */
class ReportContentsFuzzTest {

    @FuzzTest
    void fromJson(byte[] opened) {
        ReportContents report;
        try {
            report = ReportContents.fromJson(opened);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(report, ReportContents.fromJson(report.toJson()));
    }
}
