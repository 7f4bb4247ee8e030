package org.candor.portal.staff.key;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Optional;
import org.candor.crypto.UnlockedKey;

/**
 * The investigator's key while it is unlocked: in this session's memory only, never
 * serialised, and closed when the investigator locks it, signs out, or the session times out.
 */
@SessionScoped
public class UnlockedKeyHolder implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient UnlockedKey key;

    /** The unlocked key, if it is unlocked in this session. */
    public Optional<UnlockedKey> key() {
        return Optional.ofNullable(key).filter(k -> !k.isClosed());
    }

    void hold(UnlockedKey unlocked) {
        close();
        this.key = unlocked;
    }

    /** Forgets the key; returns whether one was unlocked. */
    boolean close() {
        boolean was = key != null && !key.isClosed();
        if (key != null) {
            key.close();
            key = null;
        }
        return was;
    }

    @PreDestroy
    void sessionEnded() {
        close();
    }

    @Override
    public String toString() {
        return "UnlockedKeyHolder[" + key().map(UnlockedKey::fingerprint).orElse("locked") + "]";
    }
}
