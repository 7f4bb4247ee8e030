package org.candor.portal.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A password stored as an Argon2id hash in the PHC string format
 * ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}).
 *
 * <p>Parameters follow OWASP's first recommendation for Argon2id (46 MiB, one pass, one lane).
 * Because the parameters travel with the hash, they can be raised later without invalidating
 * stored passwords ({@link #needsRehash()}).
 */
public final class PasswordHash {

    static final int MEMORY_KIB = 47_104;
    static final int ITERATIONS = 1;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a password that {@link PasswordPolicy} accepted, with a fresh salt. */
    public static PasswordHash of(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(MEMORY_KIB, ITERATIONS, PARALLELISM, salt,
                derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES));
    }

    /** Reads a stored hash. */
    public static PasswordHash parse(String encoded) {
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an Argon2id hash in PHC format");
        }
        return new PasswordHash(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), B64D.decode(m.group(4)), B64D.decode(m.group(5)));
    }

    /** Whether the password matches, compared in constant time. */
    public boolean matches(char[] password) {
        byte[] candidate = derive(password, salt, memoryKib, iterations, parallelism, hash.length);
        try {
            return MessageDigest.isEqual(candidate, hash);
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    /** Whether the hash was made with weaker parameters than today's. */
    public boolean needsRehash() {
        return memoryKib < MEMORY_KIB || iterations < ITERATIONS;
    }

    /** The PHC string to store. */
    public String encoded() {
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        byte[] secret = toUtf8(password);
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKib)
                    .withIterations(iterations)
                    .withParallelism(parallelism)
                    .withSalt(salt)
                    .build());
            byte[] out = new byte[length];
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] toUtf8(char[] password) {
        var buffer = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "PasswordHash[argon2id m=" + memoryKib + " t=" + iterations + " p=" + parallelism + "]";
    }
}
