package org.candor.deploy.boot;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
 *
 * <p>It gives Payara Micro a fresh runtime folder of its own ({@code --rootDir}) unless the command line names
 * one: the service manager's runtime folder when there is one ({@code RUNTIME_DIRECTORY}, set by systemd's
 * {@code RuntimeDirectory=}, on a tmpfs and removed at stop), otherwise a private {@code candor-runtime-*} folder
 * in {@code java.io.tmpdir} that is removed when the process ends. Payara Micro would otherwise make one in the
 * temporary folder itself and warn at every start that a cleaner could remove it.
 *
 * <p>And it ends the process with exit status 1 when the portal did not deploy, for example because
 * it refused to start ("Candor refuses to start: ..."): Payara Micro itself would go on running
 * without the application, a half-started server that answers every path with its own 404 and that
 * a service manager's restart-on-failure never notices.
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
        String[] arguments = withRuntimeFolder(args, System.getenv());
        try {
            Class.forName(PAYARA_MAIN).getMethod("main", String[].class).invoke(null, (Object) arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (!deployed()) {
            System.err.println("Candor did not start: the portal was not deployed (the lines above say why); stopping.");
            System.exit(1);
        }
    }

    /**
     * Whether Payara Micro, once its launcher has returned, serves an application. Payara Micro's
     * API is on the launcher's class path only, so it is called by name. When the question itself
     * fails (a Payara Micro whose API differs), the answer is yes: the portal is then left to run as
     * Payara Micro decides, as before this check.
     */
    private static boolean deployed() {
        try {
            Object micro = Class.forName(PAYARA_MAIN).getMethod("getInstance").invoke(null);
            Object runtime = micro.getClass().getMethod("getRuntime").invoke(micro);
            // The instance's own description, which lists only applications that started (the deployer
            // keeps the name of one whose start failed).
            Object self = runtime.getClass().getMethod("getLocalDescriptor").invoke(runtime);
            Object started = self.getClass().getMethod("getDeployedApplications").invoke(self);
            return started instanceof Collection<?> applications && !applications.isEmpty();
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            System.err.println("Candor could not ask Payara Micro whether the portal deployed: " + unknown);
            return true;
        }
    }

    /**
     * The arguments with {@code --rootDir} added when they name no runtime folder: systemd's
     * {@code RUNTIME_DIRECTORY} (the first, when it lists several), else a new private folder in
     * {@code java.io.tmpdir} removed at exit.
     */
    static String[] withRuntimeFolder(String[] args, Map<String, String> environment) throws IOException {
        if (Arrays.stream(args).anyMatch(arg -> arg.equalsIgnoreCase("--rootDir") || arg.toLowerCase().startsWith("--rootdir="))) {
            return args;
        }
        String given = environment.getOrDefault("RUNTIME_DIRECTORY", "");
        Path folder;
        if (given.isBlank()) {
            folder = Files.createTempDirectory("candor-runtime-"); // owner-only on POSIX
            Runtime.getRuntime().addShutdownHook(new Thread(() -> removeQuietly(folder), "candor-runtime-cleanup"));
        } else {
            folder = Path.of(given.split(":")[0]);
        }
        String[] arguments = Arrays.copyOf(args, args.length + 2);
        arguments[args.length] = "--rootDir";
        arguments[args.length + 1] = folder.toString();
        return arguments;
    }

    private static void removeQuietly(Path folder) {
        try (Stream<Path> tree = Files.walk(folder)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException gone) {
            // what cannot be removed stays in the temporary folder, as Payara Micro's own would
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
