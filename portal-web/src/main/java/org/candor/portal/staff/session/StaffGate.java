package org.candor.portal.staff.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.candor.portal.staff.Role;

/**
 * Lets a request into a staff area only with the area's role: {@code /admin} for
 * administrators, {@code /desk} for investigators, {@code /oversight} for oversight members.
 * Without a session it sends the person to the sign-in page; with the wrong role it answers 403.
 */
@WebFilter(urlPatterns = {"/admin/*", "/desk/*", "/oversight/*", "/admin", "/desk", "/oversight"})
public class StaffGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Role> AREAS = Map.of(
            "admin", Role.ADMINISTRATOR, "desk", Role.INVESTIGATOR, "oversight", Role.OVERSIGHT);

    @Inject
    StaffSession session;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Role needed = AREAS.get(path.substring(1).split("/", 2)[0]);
        Optional<SignedInStaff> staff = session.current();
        if (staff.isEmpty()) {
            if ("GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + "/staff/sign-in?next="
                        + URLEncoder.encode(path, StandardCharsets.UTF_8));
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return;
        }
        if (needed != null && !staff.get().holds(needed)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
