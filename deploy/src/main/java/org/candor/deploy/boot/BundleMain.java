package org.candor.deploy.boot;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point of {@code candor.jar}: sets up what must exist before Payara Micro starts, then hands over to
 * Payara Micro's own launcher with the same arguments.
 *
 * <p>It initialises {@link DriverManager} on the launcher's class loader, as servlet containers' leak
 * prevention does. Otherwise the first caller of {@code DriverManager.getDrivers()} is Payara's check for leaked
 * drivers when it discards a throw-away class loader of the portal during deployment: that call makes
 * {@code DriverManager} load every driver the portal's WAR lists (H2, PostgreSQL) into that class loader, and Payara
 * then "forcibly unregisters" them with a warning at every start. The portal never needs {@code DriverManager}: it
 * instantiates its driver directly ({@code ConfiguredDataSource}).
 *
 * <p>It also refuses to start, in one line and with exit status 1, when the HTTP or management port
 * is taken by another program: Payara Micro would print a stack trace and exit with status 0, which a
 * service manager takes for a clean stop.
 */
public final class BundleMain {

    /** Payara Micro's launcher, the bundle's entry point before this class took its place. */
    public static final String PAYARA_MAIN = "fish.payara.micro.PayaraMicro";

    private BundleMain() {
    }

    public static void main(String[] args) throws Throwable {
        Optional<String> taken = takenPort(args, System.getenv());
        if (taken.isPresent()) {
            System.err.println(taken.get());
            System.exit(1);
        }
        DriverManager.getDrivers();
        try {
            Class.forName(PAYARA_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The refusal for the first of the two listeners whose port another program holds, if any. */
    static Optional<String> takenPort(String[] args, Map<String, String> environment) {
        String http = "8080";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                http = args[i + 1];
            } else if (args[i].startsWith("--port=")) {
                http = args[i].substring("--port=".length());
            }
        }
        String address = environment.getOrDefault("CANDOR_BIND_ADDRESS", "127.0.0.1");
        String management = environment.getOrDefault("CANDOR_MANAGEMENT_PORT", "8081");
        return taken(address, http, "the HTTP listener, --port")
                .or(() -> taken("127.0.0.1", management, "the management listener, CANDOR_MANAGEMENT_PORT"));
    }

    private static Optional<String> taken(String address, String port, String what) {
        int number;
        try {
            number = Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            return Optional.empty(); // Payara Micro names a port that is not a number itself
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the listener itself: a port left in TIME_WAIT is free
            socket.bind(new InetSocketAddress(address, number));
            return Optional.empty();
        } catch (BindException e) {
            return Optional.of("Candor refuses to start: port " + number + " on " + address + " (" + what + ") cannot be"
                    + " listened on (" + e.getMessage() + "): stop the program that holds it, or choose another port");
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // anything else is Payara Micro's to report
        }
    }
}
