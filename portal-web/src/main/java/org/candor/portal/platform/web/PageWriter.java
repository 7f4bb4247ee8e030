package org.candor.portal.platform.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.staff.session.StaffSession;

/**
 * Renders {@link Page}s returned by resources as HTML in the request's language, adding what
 * every page's layout needs: the language, the current path (for the language links) and the
 * other languages offered, the session's synchronizer token for its forms, and what the features
 * add to every layout ({@link LayoutValues}).
 */
@Provider
@Produces(MediaType.TEXT_HTML)
public class PageWriter implements MessageBodyWriter<Page> {

    @Inject
    Templates templates;

    @Inject
    StaffSession staffSession;

    @Inject
    Instance<LayoutValues> layoutValues;

    @Context
    HttpServletRequest request;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Page.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Page page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream entityStream) {
        Locale locale = Languages.of(request);
        headers.putSingle("Content-Type", "text/html;charset=UTF-8");
        headers.putSingle("Content-Language", locale.getLanguage());
        Map<String, Object> model = new HashMap<>(page.model());
        model.put("path", ownPath(request.getRequestURI()));
        model.putAll(languageModel(locale));
        if (page.template().startsWith("staff/") && request.getSession(false) != null) {
            // Only staff pages look for a session, and never create one: public pages set no cookie.
            staffSession.current().ifPresent(staff -> model.put("signedIn", staff));
        }
        // Every POST form of a session carries its synchronizer token (FormTokenDialect); without a
        // session there is none, and none is created.
        SessionTokens.of(request).ifPresent(token -> model.put(FormTokenDialect.VARIABLE, token));
        for (LayoutValues values : layoutValues) {
            values.addTo(page.template(), model);
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(entityStream, StandardCharsets.UTF_8));
        templates.render(page.template(), model, locale, out);
        try {
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What every layout needs to speak a language: {@code lang}, {@code dir} ({@code rtl} for a
     * language written from right to left), the codes of the portal's languages ({@code languages})
     * and their own names ({@code languageNames}, for the language links).
     */
    public static Map<String, Object> languageModel(Locale locale) {
        Map<String, String> names = Languages.ownNames();
        return Map.of("lang", locale.getLanguage(), "dir", Languages.isRightToLeft(locale) ? "rtl" : "ltr",
                "languages", List.copyOf(names.keySet()), "languageNames", names);
    }

    /** The path for links back to this page; never a link to another host ("//host/..."). */
    static String ownPath(String requestUri) {
        return "/" + requestUri.replaceFirst("^/+", "");
    }
}
