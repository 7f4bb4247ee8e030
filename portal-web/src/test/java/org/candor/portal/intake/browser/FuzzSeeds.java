package org.candor.portal.intake.browser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.Sealer;
import org.candor.crypto.WhistleblowerKey;
import org.candor.portal.casefile.MessageContents;
import org.candor.portal.casefile.ReportContents;
import org.candor.portal.channel.ChoiceOption;
import org.candor.portal.channel.FieldType;
import org.candor.portal.channel.LocalizedText;
import org.candor.portal.channel.QuestionField;
import org.candor.portal.channel.Questionnaire;
import org.candor.portal.channel.QuestionnaireJson;

/**
 * Writes the seed corpora of this module's fuzz tests (valid inputs and near misses, made with the portal's own
 * document code and Candor's {@link Sealer}) under {@code src/test/resources}, and the investigator's public key
 * the multipart seeds are sealed to, if it is missing. Run once by hand, with the test class path, from the module
 * folder: {@code java -cp ... org.candor.portal.intake.browser.FuzzSeeds src/test/resources}; the output is
 * committed.
 */
final class FuzzSeeds {

    private final Path resources;

    private FuzzSeeds(Path resources) {
        this.resources = resources;
    }

    public static void main(String[] args) throws Exception {
        new FuzzSeeds(Path.of(args[0])).write();
    }

    private void write() throws Exception {
        multipart();
        documents();
        questionnaires();
    }

    private void multipart() throws Exception {
        Path keyFile = resources.resolve("org/candor/portal/intake/browser/fuzz/investigator.asc");
        Files.createDirectories(keyFile.getParent());
        if (!Files.exists(keyFile)) {
            try (ReplyCode code = ReplyCode.generate()) {
                Files.writeString(keyFile, WhistleblowerKey.generate(ReplyCodeDerivation.lockSecret(code)).recipient().toArmored());
            }
        }
        RecipientKey investigator = RecipientKey.fromBytes(Files.readAllBytes(keyFile));
        WhistleblowerKey caseKey;
        String preHandle;
        try (ReplyCode code = ReplyCode.generate()) {
            caseKey = WhistleblowerKey.generate(ReplyCodeDerivation.lockSecret(code));
            preHandle = ReplyCodeDerivation.preHandle(code).toBase64Url();
        }
        Sealer sealer = Sealer.to(investigator, caseKey.recipient());
        UUID fileItem = UUID.fromString("0b9a4c51-3c1e-4d8e-9a57-6f1d2c3b4a59");
        byte[] report = sealer.seal(new ReportContents("fuzz", "en", Map.of("what", List.of("Invoices paid twice")),
                List.of(new ReportContents.AttachmentEntry(fileItem, "evidence", "ledger.txt", "text/plain", 12)))
                .toJson(), Sealer.Content.TEXT);
        byte[] file = sealer.seal("ledger lines".getBytes(StandardCharsets.UTF_8), Sealer.Content.BINARY);
        byte[] key = caseKey.toStorage();

        Path target = target("org/candor/portal/intake/browser/SealedIntakeFuzzTestInputs/receive");
        seed(target, "report.txt", new Body().field("token", "form-token").field("prehandle", preHandle)
                .file("whistleblower-key", key).file("report", report).end());
        seed(target, "report-and-file.txt", new Body().field("token", "form-token").field("prehandle", preHandle)
                .file("whistleblower-key", key).file("report", report).file("file-" + fileItem, file).end());
        seed(target, "armored-key-no-token.txt", new Body().field("prehandle", preHandle)
                .file("whistleblower-key", caseKey.toLockedArmored().getBytes(StandardCharsets.US_ASCII))
                .file("report", report).end());
        seed(target, "near-wrong-recipients.txt", new Body().field("token", "t").field("prehandle", preHandle)
                .file("whistleblower-key", key).file("report", Sealer.to(investigator).seal(new byte[] {1}, Sealer.Content.BINARY)).end());
        seed(target, "near-plaintext-report.txt", new Body().field("token", "t").field("prehandle", preHandle)
                .file("whistleblower-key", key).file("report", "{\"format\":\"candor-report-v1\"}".getBytes(StandardCharsets.UTF_8)).end());
        seed(target, "near-duplicate-file.txt", new Body().field("token", "t").field("prehandle", preHandle)
                .file("whistleblower-key", key).file("report", report).file("file-" + fileItem, file)
                .file("file-" + fileItem, file).end());
        seed(target, "near-file-name-not-an-id.txt", new Body().field("token", "t").field("prehandle", preHandle)
                .file("whistleblower-key", key).file("report", report).file("file-ledger", file).end());
        seed(target, "near-bad-prehandle.txt", new Body().field("token", "t").field("prehandle", "not base64url!")
                .file("whistleblower-key", key).file("report", report).end());
        seed(target, "near-public-key-only.txt", new Body().field("token", "t").field("prehandle", preHandle)
                .file("whistleblower-key", caseKey.recipient().toArmored().getBytes(StandardCharsets.US_ASCII))
                .file("report", report).end());
        byte[] whole = new Body().field("token", "t").field("prehandle", preHandle).file("whistleblower-key", key)
                .file("report", report).end();
        seed(target, "near-truncated.txt", Arrays.copyOf(whole, whole.length - 40));
        seed(target, "near-header-only.txt", ("--" + SealedIntakeFuzzTest.BOUNDARY
                + "\r\nContent-Disposition: form-data; name*=UTF-8''prehandle; filename=\"\u00e4\"\r\nContent-Type: text/plain; charset=x\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private void documents() throws Exception {
        UUID item = UUID.fromString("5f0c6b8e-8f7a-4c3b-9d2e-1a0b9c8d7e6f");
        Path reports = target("org/candor/portal/casefile/ReportContentsFuzzTestInputs/fromJson");
        Map<String, List<String>> answers = new LinkedHashMap<>();
        answers.put("what", List.of("Invoices were paid twice \"on purpose\"\n\u2014 see the ledger"));
        answers.put("where", List.of("office", "plant"));
        answers.put("when", List.of("2026-01-31"));
        seed(reports, "report.json", new ReportContents("finance", "de", answers,
                List.of(new ReportContents.AttachmentEntry(item, "evidence", "Kontoauszug \u00fc.pdf", "application/pdf", 52311))).toJson());
        seed(reports, "empty-report.json", new ReportContents("hr", "en", Map.of(), List.of()).toJson());
        seed(reports, "near-other-format.json", utf8("{\"format\":\"candor-message-v1\",\"text\":\"hi\",\"attachments\":[]}"));
        seed(reports, "near-missing-answers.json", utf8("{\"format\":\"candor-report-v1\",\"channel\":\"x\",\"language\":\"en\",\"attachments\":[]}"));
        seed(reports, "near-answer-not-a-list.json", utf8("{\"format\":\"candor-report-v1\",\"channel\":\"x\",\"language\":\"en\",\"answers\":{\"a\":\"b\"},\"attachments\":[]}"));
        seed(reports, "near-huge-size.json", utf8("{\"format\":\"candor-report-v1\",\"channel\":\"x\",\"language\":\"en\",\"answers\":{},"
                + "\"attachments\":[{\"item\":\"" + item + "\",\"field\":\"f\",\"name\":\"n\",\"type\":\"t\",\"size\":1e400}]}"));
        seed(reports, "near-item-not-an-id.json", utf8("{\"format\":\"candor-report-v1\",\"channel\":\"x\",\"language\":\"en\",\"answers\":{},"
                + "\"attachments\":[{\"item\":\"1-2\",\"field\":\"f\",\"name\":\"n\",\"type\":\"t\",\"size\":1}]}"));
        seed(reports, "near-nested.json", utf8("[".repeat(2000)));
        seed(reports, "near-truncated.json", utf8("{\"format\":\"candor-report-v1\",\"channel\":\"x\",\"lang"));

        Path messages = target("org/candor/portal/casefile/MessageContentsFuzzTestInputs/fromJson");
        seed(messages, "message.json", new MessageContents("Thank you. Could you send the ledger of 2025?\n\u00a7 4",
                List.of(new ReportContents.AttachmentEntry(item, MessageContents.FIELD, "ledger.ods",
                        "application/vnd.oasis.opendocument.spreadsheet", 8000))).toJson());
        seed(messages, "text-only.json", new MessageContents("", List.of()).toJson());
        seed(messages, "near-other-format.json", utf8("{\"format\":\"candor-report-v1\",\"text\":\"hi\",\"attachments\":[]}"));
        seed(messages, "near-text-a-number.json", utf8("{\"format\":\"candor-message-v1\",\"text\":1,\"attachments\":[]}"));
        seed(messages, "near-attachment-a-string.json", utf8("{\"format\":\"candor-message-v1\",\"text\":\"t\",\"attachments\":[\"x\"]}"));
        seed(messages, "near-bad-utf8.json", new byte[] {'{', '"', (byte) 0xc3, '"', ':', '1', '}'});
        seed(messages, "near-duplicate-key.json", utf8("{\"format\":\"candor-message-v1\",\"format\":\"x\",\"text\":\"t\",\"attachments\":[]}"));
    }

    private void questionnaires() throws Exception {
        LocalizedText label = new LocalizedText(Map.of("en", "What happened?", "de", "Was ist passiert?"));
        Questionnaire questionnaire = new Questionnaire(List.of(
                QuestionField.text("what", FieldType.LONG_TEXT, label, LocalizedText.NONE, true, 5000),
                QuestionField.text("who", FieldType.SHORT_TEXT, label, new LocalizedText(Map.of("en", "Names")), false, 200),
                QuestionField.choice("where", FieldType.MULTIPLE_CHOICE, label, LocalizedText.NONE, false,
                        List.of(new ChoiceOption("office", new LocalizedText(Map.of("en", "Office", "de", "B\u00fcro"))),
                                new ChoiceOption("plant", new LocalizedText(Map.of("en", "Plant", "de", "Werk"))))),
                QuestionField.date("when", label, LocalizedText.NONE, false),
                QuestionField.file("evidence", label, LocalizedText.NONE, false, 3, 10 * 1024 * 1024)));
        String stored = new QuestionnaireJson().convertToDatabaseColumn(questionnaire);
        Path target = target("org/candor/portal/channel/QuestionnaireJsonFuzzTestInputs/convertToEntityAttribute");
        seed(target, "questionnaire.json", utf8(stored));
        seed(target, "empty.json", utf8(new QuestionnaireJson().convertToDatabaseColumn(Questionnaire.EMPTY)));
        seed(target, "near-format-2.json", utf8(stored.replace("\"format\":1", "\"format\":2")));
        seed(target, "near-unknown-type.json", utf8(stored.replace("\"DATE\"", "\"COLOUR\"")));
        seed(target, "near-duplicate-key.json", utf8(stored.replace("\"who\"", "\"what\"")));
        seed(target, "near-fraction.json", utf8(stored.replace("10485760", "10485760.5")));
        seed(target, "near-missing-options.json", utf8("{\"format\":1,\"fields\":[{\"key\":\"a\",\"type\":\"SHORT_TEXT\",\"label\":{},\"help\":{},\"required\":true,\"maxLength\":10}]}"));
        seed(target, "near-label-not-text.json", utf8(stored.replace("\"Names\"", "[]")));
    }

    private Path target(String path) throws Exception {
        Path folder = resources.resolve(path);
        Files.createDirectories(folder);
        return folder;
    }

    private static void seed(Path folder, String name, byte[] content) throws Exception {
        Files.write(folder.resolve(name), content);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart/form-data body as a browser's FormData sends it. */
    private static final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body field(String name, String value) {
            text("--" + SealedIntakeFuzzTest.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Body file(String name, byte[] content) {
            text("--" + SealedIntakeFuzzTest.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"sealed\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(content);
            text("\r\n");
            return this;
        }

        byte[] end() {
            text("--" + SealedIntakeFuzzTest.BOUNDARY + "--\r\n");
            return out.toByteArray();
        }

        private void text(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
