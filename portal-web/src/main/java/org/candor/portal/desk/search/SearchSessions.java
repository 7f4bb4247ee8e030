package org.candor.portal.desk.search;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.staff.key.UnlockedKeyHolder;
import org.candor.portal.staff.session.SignedInStaff;
import org.candor.portal.staff.session.StaffSession;

/**
 * Tells the {@link SearchKeyring} which desk sessions hold an unlocked investigator key, without
 * changing the key feature: after every desk request it looks at the session's {@link
 * UnlockedKeyHolder}; an unlocked key joins the holders, a locked one is swept away. The end of
 * an HTTP session (sign-out, timeout) sweeps too, and the worker checks every second.
 */
@WebFilter(urlPatterns = {"/desk/*", "/desk"})
public class SearchSessions extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    SearchKeyring keyring;

    @Inject
    UnlockedKeyHolder unlocked;

    @Inject
    StaffSession staff;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            observe(request);
        }
    }

    private void observe(HttpServletRequest request) {
        keyring.sweep();
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            Optional<SignedInStaff> me = staff.current().filter(SignedInStaff::isInvestigator);
            Optional<UnlockedKey> key = unlocked.key();
            if (me.isPresent() && key.isPresent()) {
                keyring.join(me.get().id(), me.get().username(), key.get());
            }
        } catch (ContextNotActiveException | IllegalStateException sessionEnded) {
            // signed out during this request: the sweep above and the session's end take care of it
        }
    }
}
