package org.candor.portal.casefile.upload;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.candor.portal.casefile.CaseMessages;
import org.candor.portal.channel.Problem;

/**
 * Reads a message form ({@code multipart/form-data}: a {@code text} field and any number of
 * {@code files}) into a {@link CaseMessages.Draft} as the request streams in: the whistleblower's
 * message and appeal without JavaScript, and the desk's replies and notes.
 * Keeps docs/design.md property 1: commons-fileupload's streaming API hands each part over as a
 * stream, so a file goes from the socket through OpenPGP encryption into a pending blob and is
 * never buffered to disk or memory in clear; only the text, bounded, is held in memory until it
 * is sealed.
 */
public final class MessageForm {

    /** Most parts one form may have (the text and the files). */
    public static final int MAX_PARTS = 64;

    private MessageForm() {
    }

    /**
     * Streams the form into the draft.
     *
     * @return how many files were kept
     * @throws CaseMessages.Refused for a form that is not multipart, malformed, not UTF-8, too long,
     *                              or breaks the channel's file limits
     */
    public static int readInto(HttpServletRequest request, CaseMessages.Draft draft) throws IOException, CaseMessages.Refused {
        if (!Multipart.isMultipart(request)) {
            throw new CaseMessages.Refused(Problem.of("message.empty"));
        }
        int files = 0;
        try {
            FileItemInputIterator items = Multipart.parser(-1, MAX_PARTS).getItemIterator(request);
            int parts = 0;
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (++parts > MAX_PARTS) {
                    throw new CaseMessages.Refused(Problem.of("message.tooManyFiles", MAX_PARTS));
                }
                try (InputStream in = item.getInputStream()) {
                    if (item.isFormField() && "text".equals(item.getFieldName())) {
                        byte[] bytes = in.readNBytes(CaseMessages.MAX_TEXT_CHARS * 4 + 1);
                        if (bytes.length > CaseMessages.MAX_TEXT_CHARS * 4) {
                            throw new CaseMessages.Refused(Problem.of("message.textTooLong", CaseMessages.MAX_TEXT_CHARS));
                        }
                        draft.text(decode(bytes));
                    } else if (!item.isFormField() && "files".equals(item.getFieldName())) {
                        if (draft.attach(item.getName(), item.getContentType(), in).isPresent()) {
                            files++;
                        }
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        } catch (FileUploadException malformed) {
            throw new CaseMessages.Refused(Problem.of("message.malformed"));
        }
        return files;
    }

    private static String decode(byte[] bytes) throws CaseMessages.Refused {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new CaseMessages.Refused(Problem.of("message.notText"));
        }
    }
}
