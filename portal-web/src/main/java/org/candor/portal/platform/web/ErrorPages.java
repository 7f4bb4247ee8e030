package org.candor.portal.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The page a person sees when the container itself answers with an error (an unknown static
 * file, a refused path): the same layout and language as every other page, no server details.
 */
@Path("/error")
@Produces(MediaType.TEXT_HTML)
public class ErrorPages {

    @Context
    HttpServletRequest request;

    @GET
    public Response get() {
        return page();
    }

    @POST
    public Response post() {
        return page();
    }

    private Response page() {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Page page = request.getAttribute(SessionTokenFilter.REFUSED) != null
                ? Page.of("public/error").with("status", status).with("incident", "").with("key", "error.token")
                : ErrorMapper.pageFor(status);
        return Response.status(status).entity(page).build();
    }
}
