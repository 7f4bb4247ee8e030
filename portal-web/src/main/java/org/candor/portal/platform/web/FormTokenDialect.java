package org.candor.portal.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Puts the session's synchronizer token ({@link SessionTokens}) into every POST form of every
 * page, as the form's first field: one place, so that no template has to remember it and no new
 * form goes without. A page rendered without a session has no token to put ({@link PageWriter}
 * sets the model value {@value #VARIABLE} only with a session).
 */
final class FormTokenDialect extends AbstractProcessorDialect {

    /** The model value holding the token. */
    static final String VARIABLE = "sessionToken";

    FormTokenDialect() {
        super("Candor form tokens", "candor", 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new FormProcessor(dialectPrefix));
    }

    private static final class FormProcessor extends AbstractElementTagProcessor {

        FormProcessor(String dialectPrefix) {
            super(TemplateMode.HTML, dialectPrefix, "form", false, null, false, 1000);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag,
                IElementTagStructureHandler structureHandler) {
            Object token = context.getVariable(VARIABLE);
            String method = tag.getAttributeValue("method");
            if (!(token instanceof String value) || method == null || !method.equalsIgnoreCase("post")) {
                return;
            }
            IModelFactory factory = context.getModelFactory();
            IModel field = factory.createModel();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("type", "hidden");
            attributes.put("name", SessionTokens.FIELD);
            attributes.put("value", value);
            field.add(factory.createStandaloneElementTag("input", attributes,
                    org.thymeleaf.model.AttributeValueQuotes.DOUBLE, false, true));
            structureHandler.insertImmediatelyAfter(field, false);
        }
    }

}
