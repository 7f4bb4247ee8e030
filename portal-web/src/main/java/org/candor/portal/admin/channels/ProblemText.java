package org.candor.portal.admin.channels;

import java.util.Locale;
import org.candor.portal.channel.Problem;
import org.candor.portal.platform.i18n.Messages;

/**
 * Renders a {@link Problem} in the reader's language; a language among its values is shown by its
 * name in the reader's language ("French", "Französisch").
 */
final class ProblemText {

    private ProblemText() {
    }

    static String of(Problem problem, Locale reader) {
        Object[] arguments = problem.arguments().stream()
                .map(argument -> argument instanceof Locale language
                        ? language.getDisplayLanguage(reader)
                        : argument instanceof Problem inner ? of(inner, reader) : argument)
                .toArray();
        return Messages.get(reader, problem.key(), arguments);
    }
}
