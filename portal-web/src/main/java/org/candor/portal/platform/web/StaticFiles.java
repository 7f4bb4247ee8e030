package org.candor.portal.platform.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the portal's own static files (style sheet, scripts, images) from {@code static/} on
 * the class path. Only plain file names with a known type are served; there is no directory
 * listing and no way out of the folder.
 */
@Path("/static/{file}")
public class StaticFiles {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,80}");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "mjs", "text/javascript;charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    @GET
    public Response get(@PathParam("file") String file) {
        String type = NAME.matcher(file).matches() && !file.contains("..")
                ? TYPES.get(file.substring(file.lastIndexOf('.') + 1))
                : null;
        InputStream content = type == null ? null : StaticFiles.class.getClassLoader().getResourceAsStream("static/" + file);
        if (content == null) {
            throw new NotFoundException();
        }
        return Response.ok(content, type).build();
    }
}
