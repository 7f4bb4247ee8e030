package org.candor.portal.casefile;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.candor.crypto.LookupHandle;
import org.candor.crypto.Pepper;
import org.candor.crypto.PreHandle;
import org.candor.crypto.ReplyCode;
import org.candor.portal.platform.secrets.ServerSecrets;

/**
 * Turns a reply code (or, from a browser, its pre-handle) into the lookup handle the database
 * keeps, with the server's pepper (docs/design.md property 3): a stolen database without the pepper
 * lets nobody test codes. The pepper is a key file of its own
 * ({@link ServerSecrets.Purpose#REPLY_CODE_PEPPER}), which the intake holds and the staff roles need not.
 */
@ApplicationScoped
public class ReplyCodes {

    @Inject
    ServerSecrets secrets;

    private Pepper pepper;

    @PostConstruct
    void start() {
        pepper = Pepper.fromBytes(secrets.key(ServerSecrets.Purpose.REPLY_CODE_PEPPER));
    }

    /** The handle of a code typed or generated on the server. */
    public LookupHandle handle(ReplyCode code) {
        return pepper.handle(code);
    }

    /** The handle of a code whose pre-handle a browser computed. */
    public LookupHandle handle(PreHandle preHandle) {
        return pepper.handle(preHandle);
    }

    @Override
    public String toString() {
        return "ReplyCodes[pepper redacted]";
    }
}
