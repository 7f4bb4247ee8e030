package org.candor.portal.staff.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.candor.portal.platform.web.RoleGate;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.StaffRepository;

/**
 * Lets a request into a staff area only with the area's role: {@code /admin} for
 * administrators, {@code /desk} for investigators, {@code /oversight} for oversight members;
 * the key pages under {@code /desk/key} for oversight members as well.
 * Without a session it sends the person to the sign-in page; with the wrong role it answers 403.
 * Declared in {@code web.xml}, last of the gates: after the role gate, the same-origin check and
 * the session token check.
 */
public class StaffGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Role> AREAS = Map.of(
            "admin", Role.ADMINISTRATOR, "desk", Role.INVESTIGATOR, "oversight", Role.OVERSIGHT);

    /** Exactly the key pages, so that no dot segment or encoded character stretches the exception. */
    private static final Pattern KEY_PAGES =
            Pattern.compile("/desk/key(/(setup|generate|import|unlock|lock|passphrase|public\\.asc))?");

    @Inject
    StaffSession session;

    @Inject
    StaffRepository staffRepository;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RoleGate.normalisedPath(request);
        Role needed = AREAS.get(path.substring(1).split("/", 2)[0]);
        Optional<SignedInStaff> staff = session.current().flatMap(current -> refreshed(current, request));
        if (staff.isEmpty()) {
            if ("GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + "/staff/sign-in?next="
                        + URLEncoder.encode(path, StandardCharsets.UTF_8));
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return;
        }
        if (needed != null && !staff.get().holds(needed) && !(isKeyPage(path) && staff.get().holds(Role.OVERSIGHT))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The key pages ({@code /desk/key}) serve oversight members too: appeals are sealed to their
     * keys. Nothing else under {@code /desk} does.
     */
    static boolean isKeyPage(String path) {
        return KEY_PAGES.matcher(path).matches();
    }

    /**
     * The session's member as the database knows them now: a disabled account loses its session
     * at once, and a granted or revoked role takes effect on the next request.
     */
    private Optional<SignedInStaff> refreshed(SignedInStaff current, HttpServletRequest request) {
        Optional<StaffMember> member = staffRepository.find(current.id()).filter(StaffMember::isEnabled);
        if (member.isEmpty()) {
            request.getSession().invalidate();
            return Optional.empty();
        }
        if (!member.get().roles().equals(current.roles())) {
            SignedInStaff updated = SignIn.signedIn(member.get());
            session.signIn(updated);
            return Optional.of(updated);
        }
        return Optional.of(current);
    }
}
