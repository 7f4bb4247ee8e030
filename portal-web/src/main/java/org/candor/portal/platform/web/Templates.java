package org.candor.portal.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import org.candor.portal.platform.i18n.Messages;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The page template engine (Thymeleaf): templates under {@code templates/} on the class path,
 * HTML mode, text escaped by default, words from {@link Messages}.
 */
@ApplicationScoped
public class Templates {

    private TemplateEngine engine;

    @PostConstruct
    public void start() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleMessageResolver());
        engine.addDialect(new FormTokenDialect());
    }

    /** Renders a template with the given values in a language. */
    public void render(String template, Map<String, Object> model, Locale locale, Writer out) {
        engine.process(template, new Context(locale, model), out);
    }

    private static final class BundleMessageResolver extends AbstractMessageResolver {
        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
            return Messages.get(context.getLocale(), key, arguments == null ? new Object[0] : arguments);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
            return key;
        }
    }
}
