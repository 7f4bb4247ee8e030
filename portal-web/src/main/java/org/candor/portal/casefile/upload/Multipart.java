package org.candor.portal.casefile.upload;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletRequestContext;

/**
 * Reads a {@code multipart/form-data} body as it streams in, for every upload path: the parser
 * with its bounds, the parts as {@link SubmissionPart}s, a form token sent as the first part, and
 * the draining of what a refused request still carries. Nothing is spooled to disk or memory.
 *
 * <p>Any failure of the parser is a malformed body: commons-fileupload2 2.0.0-M4 throws a
 * NullPointerException for a part of type multipart/mixed without a boundary (found by fuzzing),
 * which surfaces here as a {@link FileUploadException}.
 */
public final class Multipart {

    private Multipart() {
    }

    /** Whether the request says it carries a multipart body. */
    public static boolean isMultipart(HttpServletRequest request) {
        return JakartaServletFileUpload.isMultipartContent(request);
    }

    /**
     * A body that may begin with its form token: the token (empty when the body does not begin
     * with a field {@code token}) and the parts after it.
     *
     * @param empty whether the body had no part at all
     */
    public record Body(String token, Iterator<SubmissionPart> parts, boolean empty) {
    }

    /**
     * Reads a body of at most {@code mostBytes} bytes and {@code mostParts} parts up to its first part: a form
     * token there is read, any other first part is handed on with the rest.
     */
    public static Body tokenFirst(HttpServletRequest request, long mostBytes, long mostParts) throws IOException {
        return tokenFirst(new JakartaServletRequestContext(request), mostBytes, mostParts);
    }

    /** {@link #tokenFirst(HttpServletRequest, long, long)} for any request context. */
    public static Body tokenFirst(RequestContext request, long mostBytes, long mostParts) throws IOException {
        try {
            FileItemInputIterator items = parser(mostBytes, mostParts).getItemIterator(request);
            if (!items.hasNext()) {
                return new Body("", new Parts(null, items), true);
            }
            FileItemInput first = items.next();
            if (first.isFormField() && "token".equals(first.getFieldName())) {
                try (InputStream in = first.getInputStream()) {
                    return new Body(new String(in.readNBytes(256), StandardCharsets.US_ASCII), new Parts(null, items), false);
                }
            }
            return new Body("", new Parts(first, items), false);
        } catch (RuntimeException parserFailure) {
            throw malformed(parserFailure);
        }
    }

    /** The parts of a body of at most {@code mostBytes} bytes (no bound when negative) and {@code mostParts} parts. */
    public static Iterator<SubmissionPart> parts(HttpServletRequest request, long mostBytes, long mostParts)
            throws IOException {
        try {
            return new Parts(null, parser(mostBytes, mostParts).getItemIterator(request));
        } catch (RuntimeException parserFailure) {
            throw malformed(parserFailure);
        }
    }

    /** Reads what is left of the parts of a refused request, so that the answer reaches the browser; keeps nothing. */
    public static void drain(Iterator<SubmissionPart> parts) throws IOException {
        while (parts.hasNext()) {
            try (InputStream in = parts.next().stream()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    /**
     * Reads what is left of a refused request's body, so that the answer reaches the browser; keeps
     * nothing, and says nothing when the client went away or the body was read already.
     */
    public static void drain(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | IllegalStateException gone) {
            // the client went away, or the body was read already
        }
    }

    /** The streaming parser for a body of at most {@code mostBytes} bytes (no bound when negative) and {@code mostParts} parts. */
    static JakartaServletFileUpload<?, ?> parser(long mostBytes, long mostParts) {
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        if (mostBytes >= 0) {
            upload.setMaxSize(mostBytes);
        }
        upload.setMaxFileCount(mostParts);
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        return upload;
    }

    private static IOException malformed(RuntimeException parserFailure) {
        return new FileUploadException("the multipart body is malformed", parserFailure);
    }

    /**
     * The multipart stream as submission parts, starting with a part already read if there is one;
     * read and parser errors surface as {@link UncheckedIOException}.
     */
    private static final class Parts implements Iterator<SubmissionPart> {
        private final FileItemInputIterator items;
        private FileItemInput pending;

        Parts(FileItemInput alreadyRead, FileItemInputIterator items) {
            this.pending = alreadyRead;
            this.items = items;
        }

        @Override
        public boolean hasNext() {
            try {
                return pending != null || items.hasNext();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException parserFailure) {
                throw new UncheckedIOException(malformed(parserFailure));
            }
        }

        @Override
        public SubmissionPart next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            FileItemInput item;
            try {
                item = pending != null ? pending : items.next();
                pending = null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException parserFailure) {
                throw new UncheckedIOException(malformed(parserFailure));
            }
            return new SubmissionPart() {
                @Override
                public String field() {
                    return item.getFieldName() == null ? "" : item.getFieldName();
                }

                @Override
                public Optional<String> fileName() {
                    return item.isFormField() ? Optional.empty() : Optional.ofNullable(item.getName());
                }

                @Override
                public String contentType() {
                    return item.getContentType() == null ? "" : item.getContentType();
                }

                @Override
                public InputStream stream() throws IOException {
                    return item.getInputStream();
                }
            };
        }
    }
}
