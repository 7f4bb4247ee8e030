package org.candor.bench.intake;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went in a JFR recording (execution samples): the share of samples whose stack
 * passes through each kind of work (a sample may count for several, e.g. sealing inside a
 * request), and the methods most often on top of the stack. Only the samples of the portal's
 * request threads count, so the recording's own and the JIT's threads stay out.
 *
 * <p>Usage: {@code CpuProfile <recording.jfr> [top methods, default 15]}.
 */
public final class CpuProfile {

    /** Kinds of work, by the first matching package prefix anywhere in the stack. */
    private static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("whistleblower key generation (X25519/Ed25519)", List.of("org.candor.crypto.WhistleblowerKey.generate"));
        KINDS.put("OpenPGP sealing (Sealer)", List.of("org.candor.crypto.Sealer"));
        KINDS.put("reply code, handle (HKDF/HMAC)", List.of("org.candor.crypto.ReplyCode", "org.candor.crypto.Pepper"));
        KINDS.put("multipart parsing (commons-fileupload)", List.of("org.apache.commons.fileupload2"));
        KINDS.put("blob store (files, fsync)", List.of("org.candor.portal.blobstore"));
        KINDS.put("database (EclipseLink, JDBC, H2)", List.of("org.eclipse.persistence", "org.h2", "org.postgresql",
                "com.sun.gjc", "com.sun.enterprise.resource"));
        KINDS.put("page rendering (Thymeleaf)", List.of("org.thymeleaf", "ognl"));
        KINDS.put("form token (HMAC)", List.of("org.candor.portal.intake.FormTokens"));
        KINDS.put("HTTP server (Grizzly)", List.of("org.glassfish.grizzly"));
        KINDS.put("JAX-RS, CDI (Jersey, Weld)", List.of("org.glassfish.jersey", "org.jboss.weld"));
    }

    private CpuProfile() {
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> kinds = new LinkedHashMap<>();
        KINDS.keySet().forEach(kind -> kinds.put(kind, 0));
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> topPackages = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getThread("sampledThread") == null
                    || !String.valueOf(event.getThread("sampledThread").getJavaName()).startsWith("http-thread-pool")) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                RecordedFrame first = frames.getFirst();
                String type = first.getMethod().getType().getName();
                topFrames.merge(type + "." + first.getMethod().getName(), 1, Integer::sum);
                topPackages.merge(type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : type, 1, Integer::sum);
            }
            for (Map.Entry<String, List<String>> kind : KINDS.entrySet()) {
                boolean hit = frames.stream().anyMatch(frame -> {
                    String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                    return kind.getValue().stream().anyMatch(name::startsWith);
                });
                if (hit) {
                    kinds.merge(kind.getKey(), 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d execution samples of request threads%n", samples);
        System.out.println("| work (stack passes through) | share of samples |");
        System.out.println("|---|---|");
        int total = samples;
        kinds.forEach((kind, count) -> System.out.printf(Locale.ROOT, "| %s | %.1f %% |%n", kind, 100.0 * count / total));
        System.out.println("| top package (self) | share |");
        System.out.println("|---|---|");
        topPackages.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / total));
        System.out.println("| top method (self) | share |");
        System.out.println("|---|---|");
        topFrames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / total));
    }
}
