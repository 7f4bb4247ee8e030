package org.candor.portal.contact;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;
import org.candor.crypto.LockSecret;

/**
 * What a whistleblower's HTTP session holds: the case id and the lock secret that unlocks the
 * case's whistleblower key for each request, never the reply code (docs/design.md properties 3 and
 * 5). The lock secret is transient: it is never serialised (a session written to disk or sent
 * to another instance arrives without it, and the whistleblower signs in again), and it is
 * wiped when the session ends, by sign-out or idle timeout.
 *
 * <p>A session started from the browser path (docs/protocol.md, "Contact with JavaScript") holds
 * the case id only: the lock secret stays in the browser. Such a session serves the JSON
 * endpoints that hand out ciphertext and take sealed messages, never the pages that open
 * anything on the server. So that a reload of the page does not end the conversation, it may also
 * hold the lock secret wrapped by the browser under a key that never leaves the tab
 * ({@link #keepForReload}): useless to the server, transient like the secret, and wiped with it.
 */
public final class WhistleblowerSession implements Serializable, HttpSessionBindingListener {

    static final String ATTRIBUTE = WhistleblowerSession.class.getName();
    private static final long serialVersionUID = 1L;

    private final UUID caseId;
    private final boolean keyInBrowser;
    private transient LockSecret lockSecret;
    private transient byte[] wrappedForReload;

    /** Most bytes of what the browser keeps here for a reload: the wrapped secret and its nonce. */
    public static final int MAX_WRAPPED_BYTES = 128;

    WhistleblowerSession(UUID caseId, LockSecret lockSecret) {
        this.caseId = caseId;
        this.lockSecret = lockSecret;
        this.keyInBrowser = false;
    }

    /** A session of the browser path: the case id, no secret. */
    WhistleblowerSession(UUID caseId) {
        this.caseId = caseId;
        this.lockSecret = null;
        this.keyInBrowser = true;
    }

    /** The signed-in whistleblower of a request, if its session has one with its secret. */
    static Optional<WhistleblowerSession> of(HttpServletRequest request) {
        return attribute(request).filter(s -> !s.keyInBrowser && s.lockSecret != null);
    }

    /** The signed-in whistleblower of a request, if its session was started from the browser path. */
    static Optional<WhistleblowerSession> inBrowser(HttpServletRequest request) {
        return attribute(request).filter(s -> s.keyInBrowser);
    }

    private static Optional<WhistleblowerSession> attribute(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return session.getAttribute(ATTRIBUTE) instanceof WhistleblowerSession s ? Optional.of(s) : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    public UUID caseId() {
        return caseId;
    }

    public LockSecret lockSecret() {
        return lockSecret;
    }

    /**
     * Keeps what the browser path hands over to survive a reload: its lock secret, encrypted under a
     * key only the browser tab holds.
     */
    public synchronized void keepForReload(byte[] wrapped) {
        if (!keyInBrowser || wrapped.length == 0 || wrapped.length > MAX_WRAPPED_BYTES) {
            throw new IllegalArgumentException("not a wrapped lock secret of a browser session");
        }
        wrappedForReload = wrapped.clone();
    }

    /** What {@link #keepForReload} kept, if anything. */
    public synchronized Optional<byte[]> forReload() {
        return Optional.ofNullable(wrappedForReload).map(byte[]::clone);
    }

    @Override
    public void valueBound(HttpSessionBindingEvent event) {
        // nothing to do
    }

    /** The session ended (sign-out, idle timeout) or the attribute was replaced: wipe the secret. */
    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        LockSecret secret = lockSecret;
        lockSecret = null;
        synchronized (this) {
            if (wrappedForReload != null) {
                java.util.Arrays.fill(wrappedForReload, (byte) 0);
                wrappedForReload = null;
            }
        }
        if (secret != null) {
            secret.close();
        }
    }

    @Override
    public String toString() {
        return "WhistleblowerSession[" + caseId + "]";
    }
}
