package org.candor.portal.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Makes every session id of the portal 256 random bits from {@link SecureRandom}, nothing else.
 *
 * <p>The container's own generator ({@code com.sun.enterprise.util.uuid.UuidUtil}) starts each id
 * with hex digits of the clock, so that a whistleblower's session id tells when it began
 * (docs/design.md property 6: no exact time of a whistleblower). Payara reads a server-wide
 * setting for another generator ({@code session-id-generator-classname} of the web container's
 * manager properties), but Payara Micro's domain.xml has no web-container element to carry it, and
 * the class is loaded by the server's common class loader, outside the WAR, against an interface
 * of the server's. So the portal installs its generator itself, at start, on its own session
 * manager: the generator is a proxy of the container's {@code UuidGenerator} interface, found by
 * name, so that nothing of the container is needed at compile time. Ids made by
 * {@code changeSessionId} come from the same generator.
 *
 * <p>If the container is not the expected one, the portal refuses to start rather than serve
 * sessions with clock-derived ids.
 */
@WebListener
public class RandomSessionIds implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(RandomSessionIds.class.getName());
    private static final String GENERATOR = "com.sun.enterprise.util.uuid.UuidGenerator";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Bytes of randomness in an id: 256 bits, written as 64 hex digits. */
    static final int BYTES = 32;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            Object manager = sessionManager(event.getServletContext());
            Class<?> generator = Class.forName(GENERATOR, false, manager.getClass().getClassLoader());
            Object random = Proxy.newProxyInstance(generator.getClassLoader(), new Class<?>[] {generator}, handler());
            manager.getClass().getMethod("setUuidGenerator", generator).invoke(manager, random);
            LOG.fine("session ids are 256 random bits");
        } catch (ReflectiveOperationException | RuntimeException unexpected) {
            throw new IllegalStateException("the session id generator could not be installed: "
                    + unexpected.getClass().getName(), unexpected);
        }
    }

    /** A fresh id: {@value #BYTES} bytes from the system's strong random source, in hex. */
    static String newId() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static InvocationHandler handler() {
        return (proxy, method, arguments) -> switch (method.getName()) {
            case "generateUuid" -> newId();
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == arguments[0];
            case "toString" -> "RandomSessionIds";
            default -> throw new UnsupportedOperationException(method.getName());
        };
    }

    /** The web module's session manager, behind the servlet context's facade. */
    private static Object sessionManager(ServletContext servletContext) throws ReflectiveOperationException {
        Object applicationContext = field(servletContext, "context");
        Object standardContext = applicationContext.getClass().getMethod("getStandardContext").invoke(applicationContext);
        Object manager = standardContext.getClass().getMethod("getManager").invoke(standardContext);
        if (manager == null) {
            throw new IllegalStateException("no session manager yet");
        }
        return manager;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
