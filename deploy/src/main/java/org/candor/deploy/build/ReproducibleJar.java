package org.candor.deploy.build;

import java.io.ByteArrayOutputStream;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.candor.deploy.boot.BundleMain;

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
 * <p>It also puts the bundle's own entry point in front of Payara's: the classes of
 * {@link BundleMain}'s package from the build's class folder are added at the jar's root, and the
 * manifest's {@code Main-Class} names {@link BundleMain} (which starts {@link BundleMain#PAYARA_MAIN}).
 *
 * <p>Usage: {@code ReproducibleJar <jar> <timestamp> <classes>}, the timestamp in ISO-8601 with an
 * offset (Maven's {@code project.build.outputTimestamp}), {@code classes} the module's compiled
 * classes. The jar is replaced in place.
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
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ReproducibleJar <jar> <ISO-8601 timestamp with offset> <classes folder>");
        }
        Path jar = Path.of(args[0]);
        LocalDateTime time = OffsetDateTime.parse(args[1]).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".reproducible");
        rewrite(jar, rewritten, time, Path.of(args[2]));
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Writes {@code target} with the entries of {@code source} and the boot classes found under {@code classes}, in
     * name order, all dated {@code time} (UTC), with {@link BundleMain} as the entry point.
     */
    static void rewrite(Path source, Path target, LocalDateTime time, Path classes) throws IOException {
        String bootPackage = BundleMain.class.getPackageName().replace('.', '/') + "/";
        Map<String, byte[]> added = new TreeMap<>();
        try (Stream<Path> files = Files.list(classes.resolve(bootPackage))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                added.put(bootPackage + file.getFileName(), Files.readAllBytes(file));
            }
        }
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            List<String> names = new ArrayList<>();
            zip.stream().forEach(entry -> names.add(entry.getName()));
            for (String name : added.keySet()) {
                if (names.contains(name)) {
                    throw new IllegalStateException("the jar already holds " + name);
                }
                names.add(name);
            }
            names.sort(MANIFEST_FIRST);
            byte[] buffer = new byte[1 << 16];
            for (String name : names) {
                if (added.containsKey(name)) {
                    ZipEntry entry = new ZipEntry(name);
                    entry.setTimeLocal(time);
                    out.putNextEntry(entry);
                    out.write(added.get(name));
                    out.closeEntry();
                    continue;
                }
                if (name.equals(JarFile.MANIFEST_NAME)) {
                    ZipEntry entry = new ZipEntry(name);
                    entry.setTimeLocal(time);
                    out.putNextEntry(entry);
                    out.write(withBundleMain(zip, zip.getEntry(name)));
                    out.closeEntry();
                    continue;
                }
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

    /** The manifest with {@link BundleMain} as {@code Main-Class}, once it is sure that it replaces Payara's launcher. */
    private static byte[] withBundleMain(ZipFile zip, ZipEntry entry) throws IOException {
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = new Manifest(in);
        }
        String main = manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        if (!BundleMain.PAYARA_MAIN.equals(main)) {
            throw new IllegalStateException("Payara Micro's entry point is " + main + ", not " + BundleMain.PAYARA_MAIN
                    + ": check that BundleMain still starts it");
        }
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, BundleMain.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        return bytes.toByteArray();
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
