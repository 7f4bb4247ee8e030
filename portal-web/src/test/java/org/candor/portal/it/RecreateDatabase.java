package org.candor.portal.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Drops and creates the PostgreSQL database the integration tests run the portal against, so
 * that every run starts from an empty schema, and empties the folders the portal under test
 * uses (data, temporary files). Run by Maven before the integration tests.
 *
 * <p>Arguments: a JDBC URL of the maintenance database (with its user), the name of the test
 * database, then any folders to make anew.
 */
public final class RecreateDatabase {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private RecreateDatabase() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        String adminUrl = args[0];
        String name = args[1];
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        System.out.println("PostgreSQL test database " + name + " recreated");
        for (int i = 2; i < args.length; i++) {
            Path folder = Path.of(args[i]);
            if (Files.exists(folder)) {
                try (var files = Files.walk(folder)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(folder);
        }
    }
}
