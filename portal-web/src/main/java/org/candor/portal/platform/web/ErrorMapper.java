package org.candor.portal.platform.web;

import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.nio.file.InvalidPathException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into a page a person understands, with one clear status, and never a
 * stack trace. Unexpected failures are logged with an incident number and the exception's
 * type and place only: an exception's message can quote request data, which must not reach
 * the log (docs/design.md property 6).
 *
 * <p>A multipart part whose file name holds a NUL byte makes the multipart reader throw
 * {@link InvalidPathException} wherever the name is read; that is bad input, not a fault, and is
 * answered 400 in every upload path at once (docs/design.md properties 10 and 12). Other control
 * characters are removed from file names where they are kept ({@code SafeFileNames}). A body
 * that breaks off or stalls past the listener's read timeout is answered 400 too, and its
 * connection closed.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        if (causedBy(failure, InvalidPathException.class)) {
            return badInput();
        }
        if (causedBy(failure, java.util.concurrent.TimeoutException.class)
                || failure instanceof jakarta.ws.rs.ProcessingException && causedBy(failure, java.io.IOException.class)) {
            // A body that broke off, or that came too slowly for the listener's read timeout
            // (deploy/src/main/payara/preboot.asadmin): the client's fault, and the connection is
            // closed rather than kept for the next request.
            return Response.fromResponse(badInput()).header("Connection", "close").build();
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(pageFor(status)).build();
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        if (LOG.isLoggable(Level.SEVERE)) {
            LOG.severe("Incident " + incident + ": " + describe(failure));
        }
        return Response.serverError().type(MediaType.TEXT_HTML_TYPE)
                .entity(Page.of("public/error").with("status", 500).with("incident", incident))
                .build();
    }

    private Response badInput() {
        boolean json = headers != null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType());
        if (json) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JSON.createObjectBuilder().add("status", "refused").add("problem", "malformed").build())
                    .build();
        }
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE).entity(pageFor(400)).build();
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static Page pageFor(int status) {
        return Page.of("public/error").with("status", status).with("incident", "");
    }

    /** The chain of exception types and where each was thrown, without messages. */
    static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(t.getClass().getName());
            StackTraceElement[] trace = t.getStackTrace();
            for (int i = 0; i < Math.min(trace.length, 6); i++) {
                out.append("\n    at ").append(trace[i]);
            }
            if (t.getCause() != null) {
                out.append("\n  caused by ");
            }
        }
        return out.toString();
    }
}
