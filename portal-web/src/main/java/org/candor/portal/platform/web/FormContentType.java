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
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Answers 415 "not understood", before any resource runs, a request for a form route
 * ({@link FormParam} parameters, or the whole form as a map) whose body is not declared as a URL-encoded form. The JAX-RS
 * runtime lets a request without any Content-Type match every {@code @Consumes}, and then fails
 * with an internal error when it reads the form fields: one check here covers every form route
 * at once (docs/design.md property 12: no 500 for malformed input). An empty form with the right
 * type is left to the resource, which treats missing fields as empty.
 */
@Provider
public class FormContentType implements ContainerRequestFilter {

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
            request.abortWith(Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
                    .type(MediaType.TEXT_HTML_TYPE).entity(ErrorMapper.pageFor(415)).build());
        }
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
