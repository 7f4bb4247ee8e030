package org.candor.portal.platform.persistence;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Deregisters, when the portal stops, the JDBC drivers that its own class loader registered.
 *
 * <p>A driver registers itself with {@link DriverManager} as soon as its class is loaded, which
 * {@link ConfiguredDataSource} does for the database it opens; left registered, the driver would
 * keep the stopped portal's classes in memory, and the server forcibly unregisters it with a
 * warning on the console.
 */
@WebListener
public class DriverRelease implements ServletContextListener {

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ClassLoader portal = DriverRelease.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == portal) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    // DriverManager declares it but never throws it for a registered driver
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
