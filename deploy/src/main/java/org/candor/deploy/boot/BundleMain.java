package org.candor.deploy.boot;

import java.lang.reflect.InvocationTargetException;
import java.sql.DriverManager;

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
 */
public final class BundleMain {

    /** Payara Micro's launcher, the bundle's entry point before this class took its place. */
    public static final String PAYARA_MAIN = "fish.payara.micro.PayaraMicro";

    private BundleMain() {
    }

    public static void main(String[] args) throws Throwable {
        DriverManager.getDrivers();
        try {
            Class.forName(PAYARA_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
