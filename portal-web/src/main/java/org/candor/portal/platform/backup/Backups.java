package org.candor.portal.platform.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.candor.crypto.KeyRejected;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.Sealer;
import org.candor.portal.platform.persistence.EmbeddedDatabase;

/**
 * Backs up an installation into one file and restores it: the database, the blob store and the
 * key files, as {@code ./candor backup} and {@code ./candor restore} (docs/operations.md, "Backup
 * and restore").
 *
 * <p>A backup is one OpenPGP message sealed to the operator's public key, so the key files in it
 * (the secrets that protect reply codes, second factors and the audit chain) are never in clear:
 * GnuPG opens it with the operator's private key, which Candor never sees. Inside is a ZIP archive
 * streamed as it is made, with no temporary file: {@code candor-backup.properties}, the database
 * ({@code database.h2sql}, H2's own SQL script as length-prefixed statements, or
 * {@code database.pgdump}, pg_dump's custom format), then {@code keys/} (every file of the key folder,
 * {@code candor.secrets.dir}) and {@code blobs/}. The
 * database is written before the blobs: a blob is always stored before the row that names it, so
 * every row in the backup finds its blob. The search index is not backed up; the desk rebuilds it
 * from the ciphertext at the first unlock.
 *
 * <p>With {@code candor.blobs.store=database} the blobs are tables of the database
 * ({@code stored_blob}, {@code stored_blob_chunk}) and so are in its dump or script, in the same
 * consistent snapshot as the rows that name them; {@code blobs/} is then empty. A blob still being
 * written or not yet recorded when the snapshot was taken is restored with the key of a process
 * that no longer runs, and the first start's sweep removes it.
 *
 * <p>Restore reads the decrypted archive ({@code gpg --decrypt backup.pgp | ./candor restore -})
 * into an empty data directory and an empty database, and refuses anything else before writing.
 * The embedded H2 database can be opened by one process at a time: stop the portal first.
 */
public final class Backups {

    static final String MANIFEST = "candor-backup.properties";
    static final String H2_SCRIPT = "database.h2sql";
    static final String PG_DUMP = "database.pgdump";
    private static final int FORMAT = 1;

    private final Installation installation;
    private final PrintStream out;

    Backups(Installation installation, PrintStream out) {
        this.installation = installation;
        this.out = out;
    }

    /** Command line: {@code backup --to FILE --operator-key KEY.asc} or {@code restore --from FILE|-}. */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.in, System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err) {
        try {
            Arguments a = Arguments.parse(args);
            Backups backups = new Backups(Installation.from(env), out);
            if (a.command().equals("backup")) {
                RecipientKey operator = operatorKey(a.require("--operator-key"));
                backups.backup(Path.of(a.require("--to")), operator);
            } else {
                String from = a.require("--from");
                if (from.equals("-")) {
                    backups.restore(stdin);
                } else {
                    try (InputStream in = Files.newInputStream(Path.of(from))) {
                        backups.restore(in);
                    }
                }
            }
            return 0;
        } catch (Refused e) {
            err.println(e.command() + ": " + e.getMessage());
            return 2;
        } catch (IOException | SQLException | InterruptedException e) {
            err.println("candor: the " + (args.length > 0 ? args[0] : "command") + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static RecipientKey operatorKey(String file) {
        try {
            return RecipientKey.fromBytes(Files.readAllBytes(Path.of(file)));
        } catch (KeyRejected e) {
            throw new Refused("backup", "the operator's key " + file + " cannot be encrypted to: " + e.getMessage()
                    + " (export it with gpg --export --armor KEY-ID)");
        } catch (IOException e) {
            throw new Refused("backup", "cannot read the operator's key " + file + " (" + e.getMessage() + ")");
        }
    }

    /** Writes a sealed backup to {@code target}, which must not exist yet; a failed backup leaves no file. */
    void backup(Path target, RecipientKey operator) throws IOException, SQLException, InterruptedException {
        if (Files.exists(target)) {
            throw new Refused("backup", target + " exists already; choose a new file");
        }
        Path absolute = target.toAbsolutePath();
        Path partial = Files.createTempFile(absolute.getParent(), ".candor-backup", ".partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Counts counts = new Counts();
        try {
            try (OutputStream file = Files.newOutputStream(partial);
                    OutputStream sealed = Sealer.to(operator).open(file, Sealer.Content.BINARY);
                    ZipOutputStream zip = new ZipOutputStream(sealed)) {
                zip.setLevel(0); // ciphertext does not compress; the SQL is small
                writeManifest(zip);
                writeDatabase(zip);
                counts.keys = writeFolder(zip, installation.keysDir(), "keys/");
                counts.blobs = writeFolder(zip, installation.blobsDir(), "blobs/");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        out.println("Backup written to " + target + ": the " + installation.kind() + " database, " + counts.keys
                + " key files and " + counts.blobs + " blob files" + (counts.blobs == 0 ? " (blobs kept in the database are in it)" : "")
                + ", sealed to the operator's key " + operator.fingerprint() + ".");
    }

    private void writeManifest(ZipOutputStream zip) throws IOException {
        Properties manifest = new Properties();
        manifest.setProperty("format", Integer.toString(FORMAT));
        manifest.setProperty("database", installation.kind());
        // The day only: a backup's own time says nothing a restore needs.
        manifest.setProperty("made-on", LocalDate.now(ZoneOffset.UTC).toString());
        zip.putNextEntry(entry(MANIFEST));
        manifest.store(new NoClose(zip), "Candor backup");
        zip.closeEntry();
    }

    private void writeDatabase(ZipOutputStream zip) throws IOException, SQLException, InterruptedException {
        if (installation.isH2()) {
            if (!Files.exists(installation.h2File())) {
                throw new Refused("backup", "there is no embedded database at " + installation.h2File()
                        + ": set CANDOR_DATA_DIR to the portal's data directory, or CANDOR_DB_URL to its database");
            }
            zip.putNextEntry(entry(H2_SCRIPT));
            DataOutputStream records = new DataOutputStream(new NoClose(zip));
            try (Connection c = installation.connectExisting(); Statement s = c.createStatement();
                    ResultSet script = s.executeQuery("SCRIPT")) {
                while (script.next()) {
                    byte[] statement = script.getString(1).getBytes(StandardCharsets.UTF_8);
                    records.writeInt(statement.length);
                    records.write(statement);
                }
            } catch (SQLException e) {
                throw h2Unavailable("backup", e);
            }
            records.flush();
        } else {
            zip.putNextEntry(entry(PG_DUMP));
            installation.postgres().dump(new NoClose(zip));
        }
        zip.closeEntry();
    }

    private static int writeFolder(ZipOutputStream zip, Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int count = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = prefix + folder.relativize(file).toString().replace('\\', '/');
                zip.putNextEntry(entry(name));
                Files.copy(file, zip);
                zip.closeEntry();
                count++;
            }
        }
        return count;
    }

    /** Restores a decrypted backup into an empty installation; refuses, writing nothing, if it is not empty. */
    void restore(InputStream decrypted) throws IOException, SQLException, InterruptedException {
        ensureEmpty();
        ZipInputStream zip = new ZipInputStream(decrypted);
        ZipEntry first = zip.getNextEntry();
        if (first == null || !first.getName().equals(MANIFEST)) {
            throw new Refused("restore", "this is not a decrypted Candor backup (decrypt it first: gpg --decrypt FILE | candor restore --from -)");
        }
        Properties manifest = new Properties();
        manifest.load(new NoCloseInput(zip));
        if (!Integer.toString(FORMAT).equals(manifest.getProperty("format"))) {
            throw new Refused("restore", "backup format " + manifest.getProperty("format") + " is not one this version reads");
        }
        if (!installation.kind().equals(manifest.getProperty("database"))) {
            throw new Refused("restore", "the backup holds a " + manifest.getProperty("database") + " database, but the target is "
                    + installation.kind() + " (set CANDOR_DB_URL to match)");
        }
        Counts counts = new Counts();
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = entry.getName();
            if (name.equals(H2_SCRIPT) && installation.isH2()) {
                restoreH2(zip);
            } else if (name.equals(PG_DUMP) && !installation.isH2()) {
                installation.postgres().restore(new NoCloseInput(zip));
            } else if (name.startsWith("keys/")) {
                writeOwnerOnly(installation.keysDir(), name.substring("keys/".length()), zip);
                counts.keys++;
            } else if (name.startsWith("blobs/")) {
                writeOwnerOnly(installation.blobsDir(), name.substring("blobs/".length()), zip);
                counts.blobs++;
            } else {
                throw new Refused("restore", "unexpected entry " + name + " in the backup");
            }
        }
        out.println("Restored the " + installation.kind() + " database, " + counts.keys + " key files and " + counts.blobs
                + " blobs from a backup made on " + manifest.getProperty("made-on") + ". The search index is rebuilt at the"
                + " first unlock in the desk.");
    }

    private void ensureEmpty() throws IOException, SQLException {
        for (Path folder : List.of(installation.keysDir(), installation.blobsDir())) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw new Refused("restore", folder + " is not empty: restore into a new data directory");
                    }
                }
            }
        }
        if (installation.isH2()) {
            if (Files.exists(installation.h2File())) {
                throw new Refused("restore", installation.h2File() + " exists: restore into a new data directory");
            }
        } else if (installation.postgres().hasTables()) {
            throw new Refused("restore", "the database " + installation.postgres().database()
                    + " has tables already: restore into a new, empty database");
        }
    }

    private void restoreH2(InputStream script) throws IOException, SQLException {
        Files.createDirectories(installation.h2File().getParent());
        DataInputStream records = new DataInputStream(new NoCloseInput(script));
        try (Connection c = installation.connect(); Statement s = c.createStatement()) {
            while (true) {
                int length;
                try {
                    length = records.readInt();
                } catch (EOFException end) {
                    break;
                }
                if (length < 0 || length > 64 * 1024 * 1024) {
                    throw new Refused("restore", "the database script in the backup is damaged");
                }
                s.execute(new String(records.readNBytes(length), StandardCharsets.UTF_8));
            }
        } catch (SQLException e) {
            throw h2Unavailable("restore", e);
        }
    }

    private static void writeOwnerOnly(Path folder, String relative, InputStream content) throws IOException {
        Path target = folder.resolve(relative).normalize();
        if (relative.isEmpty() || !target.startsWith(folder)) {
            throw new Refused("restore", "the backup names a file outside its folder: " + relative);
        }
        createOwnerOnlyFolders(folder, target.getParent());
        try {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new Refused("restore", "the backup holds " + relative + " twice");
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            content.transferTo(out);
        }
    }

    private static void createOwnerOnlyFolders(Path root, Path folder) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    private static Refused h2Unavailable(String command, SQLException e) {
        return new Refused(command, "cannot open the embedded H2 database (" + e.getMessage().lines().findFirst().orElse("")
                + "); it can be opened by one process at a time: stop the portal first");
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0); // no file's time travels into the backup
        return entry;
    }

    private static final class Counts {
        int keys;
        int blobs;
    }

    /** A refusal the person running the command can act on; nothing was written. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String command;

        Refused(String command, String message) {
            super(message);
            this.command = command;
        }

        String command() {
            return "candor " + command;
        }
    }

    /** Keeps a wrapper from closing the archive when it is done with one entry. */
    private static final class NoClose extends FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class NoCloseInput extends FilterInputStream {
        NoCloseInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stays open for its next entry
        }
    }

    private record Arguments(String command, Map<String, String> options) {
        static Arguments parse(String[] args) {
            if (args.length == 0 || !(args[0].equals("backup") || args[0].equals("restore"))) {
                throw new Refused("backup", "usage: candor backup --to FILE --operator-key KEY.asc | candor restore --from FILE|-");
            }
            Map<String, String> options = new java.util.HashMap<>();
            for (int i = 1; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new Refused(args[0], args[i] + " needs a value");
                }
                options.put(args[i], args[i + 1]);
            }
            return new Arguments(args[0], options);
        }

        String require(String option) {
            String value = options.get(option);
            if (value == null || value.isBlank()) {
                throw new Refused(command, "missing " + option
                        + (command.equals("backup") ? " (candor backup --to FILE --operator-key KEY.asc)" : " (candor restore --from FILE|-)"));
            }
            return value;
        }
    }

    /** Where an installation keeps its database, blobs and keys, read from the portal's own settings. */
    record Installation(Path dataDir, Path blobsDir, Path keysDir, String url, String user, String password) {

        static Installation from(Map<String, String> env) {
            Path data = Path.of(env.getOrDefault("CANDOR_DATA_DIR", "./candor-data")).toAbsolutePath();
            Path blobs = Path.of(env.getOrDefault("CANDOR_BLOBS_DIR", data.resolve("blobs").toString())).toAbsolutePath();
            String url = env.getOrDefault("CANDOR_DB_URL", "");
            if (url.isBlank()) {
                url = EmbeddedDatabase.url(data);
            }
            if (!url.startsWith("jdbc:h2:file:") && !url.startsWith("jdbc:postgresql://")) {
                throw new Refused("backup", "CANDOR_DB_URL must be jdbc:h2:file:... or jdbc:postgresql://host:port/name");
            }
            Path keys = Path.of(env.getOrDefault("CANDOR_SECRETS_DIR", data.resolve("keys").toString())).toAbsolutePath();
            return new Installation(data, blobs, keys, url,
                    env.getOrDefault("CANDOR_DB_USER", "candor"), env.getOrDefault("CANDOR_DB_PASSWORD", ""));
        }

        boolean isH2() {
            return url.startsWith("jdbc:h2:");
        }

        String kind() {
            return isH2() ? "h2" : "postgresql";
        }

        Path h2File() {
            String path = url.substring("jdbc:h2:file:".length()).replaceFirst(";.*$", "");
            return Path.of(path + ".mv.db");
        }

        /** Opens the embedded database only if it exists (H2 would otherwise make an empty one). */
        Connection connectExisting() throws SQLException {
            return DriverManager.getConnection(url + ";IFEXISTS=TRUE", credentials());
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, credentials());
        }

        private Properties credentials() {
            Properties credentials = new Properties();
            credentials.setProperty("user", user);
            credentials.setProperty("password", password);
            return credentials;
        }

        Postgres postgres() {
            return new Postgres(URI.create(url.substring("jdbc:".length())), user, password);
        }
    }

    /** PostgreSQL's own tools, pg_dump and pg_restore, which make and read a consistent snapshot while the portal runs. */
    record Postgres(URI address, String user, String password) {

        String database() {
            return address.getPath().substring(1);
        }

        void dump(OutputStream to) throws IOException, InterruptedException {
            run(List.of("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--dbname=" + database()), null, to);
        }

        void restore(InputStream from) throws IOException, InterruptedException {
            run(List.of("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                    "--dbname=" + database()), from, OutputStream.nullOutputStream());
        }

        boolean hasTables() {
            try (Connection c = DriverManager.getConnection("jdbc:" + address, credentials()); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select count(*) from information_schema.tables where table_schema = current_schema()")) {
                r.next();
                return r.getLong(1) > 0;
            } catch (SQLException e) {
                throw new Refused("restore", "cannot reach the database " + database() + ": " + e.getMessage());
            }
        }

        private Properties credentials() {
            Properties credentials = new Properties();
            credentials.setProperty("user", user);
            credentials.setProperty("password", password);
            return credentials;
        }

        private void run(List<String> command, InputStream stdin, OutputStream stdout) throws IOException, InterruptedException {
            List<String> full = new ArrayList<>(command);
            full.addAll(1, List.of("--host=" + address.getHost(), "--port=" + (address.getPort() < 0 ? 5432 : address.getPort()),
                    "--username=" + user, "--no-password"));
            ProcessBuilder builder = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.PIPE);
            builder.environment().put("PGPASSWORD", password);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new Refused(command.get(0).equals("pg_dump") ? "backup" : "restore",
                        command.get(0) + " was not found: install PostgreSQL's client tools (sudo apt-get install postgresql-client)");
            }
            Thread feeder = null;
            if (stdin != null) {
                feeder = Thread.ofVirtual().start(() -> {
                    try (OutputStream in = process.getOutputStream()) {
                        stdin.transferTo(in);
                    } catch (IOException ignored) {
                        // the tool stopped reading; its exit status says why
                    }
                });
            } else {
                process.getOutputStream().close();
            }
            process.getInputStream().transferTo(stdout);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (feeder != null) {
                feeder.join();
            }
            if (process.waitFor() != 0) {
                throw new IOException(command.get(0) + " failed: " + errors.strip());
            }
        }
    }
}
