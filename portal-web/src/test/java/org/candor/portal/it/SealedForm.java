package org.candor.portal.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The body the report form's script sends to {@code /report/{slug}/sealed}: a multipart form
 * with its parts in the order the portal reads them (the form token, the pre-handle of the reply
 * code, the sealed whistleblower key, the sealed report, then each sealed file), and the
 * separator of its own. Written part by part to a stream, so that a large file can be sealed
 * while it is sent.
 */
public final class SealedForm {

    private final String boundary = "----sealed" + UUID.randomUUID().toString().replace("-", "");
    private String category;

    /** Sends a category in clear beside the sealed parts, as the page does for a channel that marks one. */
    public SealedForm withCategory(String optionKey) {
        this.category = optionKey;
        return this;
    }

    /** The Content-Type header that goes with the body. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** A whole body: the first parts, then the files given (their ids, then their sealed bytes). */
    public byte[] bytes(String token, String preHandle, byte[] whistleblowerKey, byte[] report, Map<UUID, byte[]> files)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeStart(body, token, preHandle, whistleblowerKey, report);
        for (Map.Entry<UUID, byte[]> file : files.entrySet()) {
            writeFileStart(body, file.getKey());
            body.write(file.getValue());
            writeFileEnd(body);
        }
        writeEnd(body);
        return body.toByteArray();
    }

    /** The parts before the files: token, pre-handle, whistleblower key and report. */
    public void writeStart(OutputStream body, String token, String preHandle, byte[] whistleblowerKey, byte[] report)
            throws IOException {
        part(body, "token", null, token.getBytes(StandardCharsets.US_ASCII));
        part(body, "prehandle", null, preHandle.getBytes(StandardCharsets.US_ASCII));
        part(body, "whistleblower-key", "sealed", whistleblowerKey);
        if (category != null) {
            part(body, "category", null, category.getBytes(StandardCharsets.UTF_8));
        }
        part(body, "report", "sealed", report);
    }

    /** The head of a file's part; the file's sealed bytes follow, then {@link #writeFileEnd}. */
    public void writeFileStart(OutputStream body, UUID fileId) throws IOException {
        body.write(head("file-" + fileId, "sealed"));
    }

    /** Closes a file's part. */
    public void writeFileEnd(OutputStream body) throws IOException {
        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The closing separator, after the last part. */
    public void writeEnd(OutputStream body) throws IOException {
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void part(OutputStream body, String name, String fileName, byte[] content) throws IOException {
        body.write(head(name, fileName));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] head(String name, String fileName) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
