package org.candor.portal.contact;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.candor.crypto.KeyRejected;
import org.candor.crypto.LockSecret;
import org.candor.crypto.LookupHandle;
import org.candor.crypto.PreHandle;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.ReplyCodeTypo;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
import org.candor.crypto.WrongPassphrase;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseRepository;
import org.candor.portal.casefile.ReplyCodes;
import org.candor.portal.platform.budget.SharedBudgets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs a whistleblower in with the reply code (docs/design.md property 3). A code that fails its
 * own check is a typo and is answered as one without looking anything up (that reveals nothing
 * about any case). A well-formed code is turned into its lookup handle with the server's pepper
 * and looked up; every well-formed code that opens no case, whether it never existed or its case
 * was deleted, gets the same answer after the same work: the lock secret is derived, a key is
 * read from its stored form and unlocked (the case's key, or a decoy key made at start), so a hit
 * and a miss cost the same. The whistleblower key's lock is iterated-salted S2K with count byte 0
 * (1024 bytes of SHA-256) under a 256-bit secret: unlocking costs well under a millisecond of it,
 * so this is not a denial-of-service lever (figures in docs/benchmarks.md).
 *
 * <p>Attempts are throttled by {@link SignInThrottle}; nothing about the person is kept.
 */
@ApplicationScoped
public class ContactSignIn {

    @Inject
    ReplyCodes replyCodes;

    @Inject
    CaseRepository cases;

    @Inject
    @ConfigProperty(name = "candor.contact.failures-per-window", defaultValue = "120")
    int failuresPerWindow;

    @Inject
    @ConfigProperty(name = "candor.contact.attempts-per-code", defaultValue = "10")
    int attemptsPerCode;

    @Inject
    @ConfigProperty(name = "candor.contact.throttle-window-seconds", defaultValue = "60")
    int windowSeconds;

    @Inject
    SharedBudgets budgets;

    private SignInThrottle throttle;
    private String decoyKey;
    private LockSecret decoySecret;

    /** What became of a sign-in. */
    public sealed interface Result {
        /** The code opens a case: the session may hold the case id and this secret. */
        record SignedIn(UUID caseId, LockSecret lockSecret) implements Result {
            @Override
            public String toString() {
                return "SignedIn[" + caseId + "]";
            }
        }

        /** The code cannot be a code: the wrong number of characters ({@code length}) or a typo. */
        record Typo(int length) implements Result {
        }

        /** A well-formed code that opens no case. One answer for every such code. */
        record Wrong() implements Result, BrowserResult {
        }

        /**
         * Too many attempts with this code, or a code that opens no case while failures as a whole
         * are over their budget: try again after this long. Never the answer to a code that opens
         * a case because of other people's failures.
         */
        record Throttled(Duration retryAfter) implements Result, BrowserResult {
        }
    }

    /** What became of a sign-in with a pre-handle from the browser, which keeps the lock secret. */
    public sealed interface BrowserResult {
        /** The pre-handle names a case: the session may hold its id, and nothing else. */
        record Found(UUID caseId) implements BrowserResult {
        }
    }

    @PostConstruct
    void start() {
        throttle = new SignInThrottle(new SignInThrottle.Settings(failuresPerWindow, attemptsPerCode,
                Duration.ofSeconds(windowSeconds)));
        if (budgets != null && budgets.shared()) {
            throttle.shareFailures((failures, window) -> budgets.tryTake("sign-in-failures", failures, window)
                    ? Optional.empty()
                    : Optional.of(budgets.untilRoom(window)));
        }
        try (ReplyCode decoyCode = ReplyCode.generate()) {
            decoySecret = ReplyCodeDerivation.lockSecret(decoyCode);
            decoyKey = Base64.getEncoder().encodeToString(WhistleblowerKey.generate(decoySecret).toStorage());
        }
    }

    /** The throttle, for operators' settings and tests. */
    public SignInThrottle throttle() {
        return throttle;
    }

    /** Signs in with a code as typed. The typed text is not kept. */
    public Result signIn(CharSequence typed) {
        ReplyCode code;
        try {
            code = ReplyCode.parse(typed);
        } catch (ReplyCodeTypo typo) {
            return new Result.Typo(symbols(typed));
        }
        try (code) {
            LookupHandle handle = replyCodes.handle(code);
            Optional<Duration> wait = throttle.admit(handle.toHex());
            if (wait.isPresent()) {
                return new Result.Throttled(wait.get());
            }
            LockSecret secret = ReplyCodeDerivation.lockSecret(code);
            Optional<CaseFile> found = cases.findByHandle(handle);
            boolean opened = unlocks(found.map(CaseFile::whistleblowerKey).orElse(decoyKey),
                    found.isPresent() ? secret : decoySecret);
            if (found.isPresent() && opened) {
                return new Result.SignedIn(found.get().id(), secret);
            }
            secret.close();
            return throttle.failed().<Result>map(Result.Throttled::new).orElseGet(Result.Wrong::new);
        }
    }

    /**
     * Signs in with a pre-handle the browser derived from the code (docs/protocol.md, "Contact
     * with JavaScript"). The same throttle as {@link #signIn}, and the same work for a hit and a
     * miss: the handle is computed and looked up, then one stored key is read from its stored
     * form (the case's or the decoy's). The lock secret stays in the browser, so no key is
     * unlocked here; a miss, whether no case ever had this handle or its case was deleted, gets
     * one answer.
     */
    public BrowserResult signIn(PreHandle preHandle) {
        LookupHandle handle = replyCodes.handle(preHandle);
        Optional<Duration> wait = throttle.admit(handle.toHex());
        if (wait.isPresent()) {
            return new Result.Throttled(wait.get());
        }
        Optional<CaseFile> found = cases.findByHandle(handle);
        boolean readable = reads(found.map(CaseFile::whistleblowerKey).orElse(decoyKey));
        if (found.isPresent() && readable) {
            return new BrowserResult.Found(found.get().id());
        }
        return throttle.failed().<BrowserResult>map(Result.Throttled::new).orElseGet(Result.Wrong::new);
    }

    /** Reads a key from its stored form: the same work for a case and for the decoy. */
    private static boolean reads(String storedKey) {
        try {
            return WhistleblowerKey.fromStorage(Base64.getDecoder().decode(storedKey)).recipient() != null;
        } catch (KeyRejected e) {
            return false;
        }
    }

    /** Reads a key from its stored form and unlocks it: the same work for a case and for the decoy. */
    private static boolean unlocks(String storedKey, LockSecret secret) {
        try (UnlockedKey unlocked = WhistleblowerKey.fromStorage(Base64.getDecoder().decode(storedKey)).unlock(secret)) {
            return !unlocked.isClosed();
        } catch (WrongPassphrase | KeyRejected e) {
            return false;
        }
    }

    /** How many code characters were typed (separators not counted), to say whether some are missing. */
    static int symbols(CharSequence typed) {
        int count = 0;
        for (int i = 0; i < typed.length(); i++) {
            if (Character.isLetterOrDigit(typed.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
