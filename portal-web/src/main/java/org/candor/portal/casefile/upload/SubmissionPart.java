package org.candor.portal.casefile.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** One part of an upload as it streams in: a form field, or a file with its name and type. */
public interface SubmissionPart {

    /** The form field's name. */
    String field();

    /** The file's name as the browser sent it; empty for a plain form field. */
    Optional<String> fileName();

    /** The declared content type (for files); never trusted for anything but display. */
    String contentType();

    /** The part's bytes, read once. */
    InputStream stream() throws IOException;
}
