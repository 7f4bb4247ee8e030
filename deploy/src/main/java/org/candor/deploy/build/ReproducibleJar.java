package org.candor.deploy.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a jar so that its bytes depend only on its contents: every entry gets the same fixed
 * time, entries are in name order (the manifest first, as {@code java -jar} expects), and no
 * entry keeps the extra fields (extended timestamps, file attributes) of the machine that wrote
 * it. Each entry keeps its compression method.
 *
 * <p>Payara Micro's {@code --outputUberJar} stamps every entry with the time of the build and
 * adds the staged files in the order the file system lists them, so two builds of the same
 * sources gave two different bundles; after this step they give the same SHA-256, which anyone
 * can compare with the one the running portal shows on its transparency page
 * (docs/operations.md, "Supply chain").
 *
 * <p>Usage: {@code ReproducibleJar <jar> <timestamp>}, the timestamp in ISO-8601 with an offset
 * (Maven's {@code project.build.outputTimestamp}). The jar is replaced in place.
 */
public final class ReproducibleJar {

    private static final Comparator<String> MANIFEST_FIRST = Comparator
            .comparingInt((String name) -> switch (name) {
                case "META-INF/" -> 0;
                case "META-INF/MANIFEST.MF" -> 1;
                default -> 2;
            })
            .thenComparing(Comparator.naturalOrder());

    private ReproducibleJar() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReproducibleJar <jar> <ISO-8601 timestamp with offset>");
        }
        Path jar = Path.of(args[0]);
        LocalDateTime time = OffsetDateTime.parse(args[1]).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".reproducible");
        rewrite(jar, rewritten, time);
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes {@code target} with the entries of {@code source}, in name order, all dated {@code time} (UTC). */
    static void rewrite(Path source, Path target, LocalDateTime time) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            List<String> names = new ArrayList<>();
            zip.stream().forEach(entry -> names.add(entry.getName()));
            names.sort(MANIFEST_FIRST);
            byte[] buffer = new byte[1 << 16];
            for (String name : names) {
                ZipEntry original = zip.getEntry(name);
                ZipEntry copy = new ZipEntry(name);
                copy.setTimeLocal(time);
                copy.setMethod(original.getMethod());
                if (original.getMethod() == ZipEntry.STORED) {
                    copy.setSize(original.getSize());
                    copy.setCompressedSize(original.getSize());
                    copy.setCrc(crc(zip, original, buffer));
                }
                out.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(original)) {
                    copyTo(in, out, buffer);
                }
                out.closeEntry();
            }
        }
    }

    private static long crc(ZipFile zip, ZipEntry entry, byte[] buffer) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    private static void copyTo(InputStream in, OutputStream out, byte[] buffer) throws IOException {
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
    }
}
