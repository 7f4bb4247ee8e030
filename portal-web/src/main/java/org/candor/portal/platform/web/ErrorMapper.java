package org.candor.portal.platform.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into a page a person understands, with one clear status, and never a
 * stack trace. Unexpected failures are logged with an incident number and the exception's
 * type and place only: an exception's message can quote request data, which must not reach
 * the log (DESIGN.md property 6).
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
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
