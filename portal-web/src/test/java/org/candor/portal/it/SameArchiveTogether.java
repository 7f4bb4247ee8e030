package org.candor.portal.it;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the integration test classes that deploy the same archive one after the other, so that
 * {@link SharedPortal} starts one Payara Micro for all of them. Classes are taken by name; each
 * group of classes with the same archive ({@link SharedPortal#key}) runs where its first class
 * would have. The failsafe plugin names this orderer as the default for the integration tests.
 */
public final class SameArchiveTogether implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<? extends ClassDescriptor> classes = context.getClassDescriptors();
        List<ClassDescriptor> byName = new ArrayList<>(classes);
        byName.sort(Comparator.comparing(c -> c.getTestClass().getName()));
        Map<String, List<ClassDescriptor>> groups = new LinkedHashMap<>();
        for (ClassDescriptor c : byName) {
            groups.computeIfAbsent(archiveKey(c.getTestClass()), k -> new ArrayList<>()).add(c);
        }
        List<ClassDescriptor> ordered = groups.values().stream().flatMap(List::stream).toList();
        classes.sort(Comparator.comparingInt(ordered::indexOf));
    }

    /** The key of the archive the class deploys; its own name when it deploys none or cannot be read. */
    private static String archiveKey(Class<?> testClass) {
        for (Method m : testClass.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Deployment.class) && m.getParameterCount() == 0) {
                try {
                    m.setAccessible(true);
                    return SharedPortal.key((Archive<?>) m.invoke(null));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return testClass.getName();
                }
            }
        }
        return testClass.getName();
    }
}
