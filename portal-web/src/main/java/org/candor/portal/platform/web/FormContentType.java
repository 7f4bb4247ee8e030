package org.candor.portal.platform.web;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Answers 415 "not understood", before any resource runs, a request for a form route
 * ({@link FormParam} parameters, or the whole form as a map) whose body is not declared as a URL-encoded form. The JAX-RS
 * runtime lets a request without any Content-Type match every {@code @Consumes}, and then fails
 * with an internal error when it reads the form fields: one check here covers every form route
 * at once (docs/design.md property 12: no 500 for malformed input). An empty form with the right
 * type is left to the resource, which treats missing fields as empty.
 *
 * <p>It also reads the form's body itself, at most {@value #MAX_FORM_BYTES} bytes (413 beyond),
 * before the resource: a body that stalls past the listener's read timeout, or breaks off, is
 * answered 400 with the connection closed. Left to the runtime's form parameters, the same
 * failure escaped every exception mapper and became the container's 500 page.
 */
@Provider
public class FormContentType implements ContainerRequestFilter {

    /**
     * Most bytes of a URL-encoded form: the longest texts typed into the staff forms, each
     * character percent-encoded. Messages and files come as multipart, with their own bounds.
     */
    static final int MAX_FORM_BYTES = 2 * 1024 * 1024;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !readsFormFields(method)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            request.abortWith(refusal(Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode()));
            return;
        }
        byte[] body;
        try (InputStream in = request.getEntityStream()) {
            body = in.readNBytes(MAX_FORM_BYTES + 1);
        } catch (IOException brokenOrStalled) {
            // A body that broke off or stalled past the listener's read timeout: the client's fault.
            // Read here, it is answered with a clear 400 and the connection closed; read by the
            // JAX-RS runtime's form parameters, it escaped every exception mapper as a 500.
            request.abortWith(Response.fromResponse(refusal(400)).header("Connection", "close").build());
            return;
        }
        if (body.length > MAX_FORM_BYTES) {
            request.abortWith(Response.fromResponse(refusal(413)).header("Connection", "close").build());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static Response refusal(int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(ErrorMapper.pageFor(status)).build();
    }

    /** Whether a resource method takes form fields, one by one or as a whole form. */
    static boolean readsFormFields(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof FormParam) {
                    return true;
                }
            }
            if (annotations[i].length == 0 && (MultivaluedMap.class.isAssignableFrom(types[i]) || Form.class.equals(types[i]))) {
                return true;
            }
        }
        return false;
    }
}
