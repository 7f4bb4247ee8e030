package org.candor.portal.staff.session;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;

/**
 * The staff sign-in pages: password, second factor (or its enrolment, with a QR code drawn on
 * the server), sign-out, and the staff home that leads to each area the member may use.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    @Inject
    SignIn signIn;

    @Inject
    PendingSignIn pending;

    @Inject
    StaffSession session;

    @Context
    HttpServletRequest request;

    @GET
    public Response home() {
        Optional<SignedInStaff> staff = session.current();
        if (staff.isEmpty()) {
            return seeOther("/staff/sign-in");
        }
        return Response.ok(Page.of("staff/home").with("staff", staff.get())
                .with("recoveryCodesLeft", signIn.recoveryCodesLeft(staff.get().id()))).build();
    }

    @GET
    @Path("sign-in")
    public Page signInForm(@QueryParam("next") String next, @QueryParam("signedOut") String signedOut) {
        Page page = Page.of("staff/sign-in").with("next", localPath(next)).with("username", "");
        return signedOut == null ? page : page.with("notice", message("signin.signedOut"));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("next") String next) {
        SignIn.PasswordStep step = signIn.checkPassword(orEmpty(username), chars(password));
        return switch (step) {
            case SignIn.PasswordStep.Passed passed -> {
                freshSessionId();
                pending.passwordPassed(passed.staffId(), localPath(next));
                yield seeOther(passed.mustEnrol() ? "/staff/enrol" : "/staff/second-factor");
            }
            case SignIn.PasswordStep.Refused refused ->
                    signInAgain(username, next, message("signin.refused"));
        };
    }

    @GET
    @Path("second-factor")
    public Response secondFactorForm() {
        if (pending.staffId().isEmpty()) {
            return seeOther("/staff/sign-in");
        }
        return Response.ok(Page.of("staff/second-factor")).build();
    }

    @POST
    @Path("second-factor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response secondFactor(@FormParam("code") String code) {
        Optional<UUID> staffId = pending.staffId();
        if (staffId.isEmpty()) {
            return seeOther("/staff/sign-in");
        }
        return switch (signIn.checkSecondFactor(staffId.get(), orEmpty(code))) {
            case SignIn.SecondStep.Passed passed -> {
                String next = landing(passed.staff());
                complete(passed.staff());
                yield seeOther(next);
            }
            case SignIn.SecondStep.Refused refused -> Response.status(422)
                    .entity(Page.of("staff/second-factor").with("error", message("signin.codeRefused"))).build();
            case SignIn.SecondStep.Throttled throttled -> Response.status(429)
                    .entity(Page.of("staff/second-factor")
                            .with("error", message("signin.throttled", secondsUntil(throttled.until())))).build();
        };
    }

    @GET
    @Path("enrol")
    public Response enrolForm() {
        Optional<UUID> staffId = pending.staffId();
        if (staffId.isEmpty()) {
            return seeOther("/staff/sign-in");
        }
        SignIn.Enrolment enrolment = pending.enrolment().orElseGet(() -> {
            SignIn.Enrolment fresh = signIn.startEnrolment(staffId.get());
            pending.enrolment(fresh);
            return fresh;
        });
        return Response.ok(enrolPage(enrolment, null)).build();
    }

    @GET
    @Path("enrol/qr.svg")
    @Produces("image/svg+xml")
    public Response enrolQrCode() {
        return pending.enrolment()
                .map(enrolment -> Response.ok(QrCodeSvg.of(enrolment.otpauthUri()), "image/svg+xml").build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }

    @POST
    @Path("enrol")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enrol(@FormParam("code") String code) {
        Optional<UUID> staffId = pending.staffId();
        Optional<SignIn.Enrolment> enrolment = pending.enrolment();
        if (staffId.isEmpty() || enrolment.isEmpty()) {
            return seeOther("/staff/sign-in");
        }
        Optional<SignIn.EnrolmentDone> done = signIn.confirmEnrolment(staffId.get(), enrolment.get(), orEmpty(code));
        if (done.isEmpty()) {
            return Response.status(422).entity(enrolPage(enrolment.get(), message("signin.enrolRefused"))).build();
        }
        String next = landing(done.get().staff());
        complete(done.get().staff());
        return Response.ok(Page.of("staff/recovery-codes")
                .with("codes", done.get().recoveryCodes()).with("next", next)).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        session.current().ifPresent(signIn::signedOut);
        HttpSession httpSession = request.getSession(false);
        if (httpSession != null) {
            httpSession.invalidate();
        }
        return seeOther("/staff/sign-in?signedOut=1");
    }

    /**
     * Where to go after sign-in: the page asked for, else an investigator's desk (which leads a
     * newcomer to set up a key first), else the staff start page.
     */
    private String landing(SignedInStaff staff) {
        String next = pending.next();
        return "/staff".equals(next) && staff.isInvestigator() ? "/desk" : next;
    }

    private void complete(SignedInStaff staff) {
        freshSessionId();
        pending.clear();
        session.signIn(staff);
    }

    /** A new session id at each step up in trust, so that a planted id is worth nothing (session fixation). */
    private void freshSessionId() {
        if (request.getSession(false) == null) {
            request.getSession(true);
        } else {
            request.changeSessionId();
        }
    }

    private Page enrolPage(SignIn.Enrolment enrolment, String error) {
        Page page = Page.of("staff/enrol").with("secret", group(enrolment.typedSecret()));
        return error == null ? page : page.with("error", error);
    }

    private Response signInAgain(String username, String next, String error) {
        return Response.status(422).entity(Page.of("staff/sign-in")
                .with("next", localPath(next)).with("username", orEmpty(username)).with("error", error)).build();
    }

    private String message(String key, Object... arguments) {
        return Messages.get(Languages.of(request), key, arguments);
    }

    /** Only a path on this portal may be the place to go after sign-in (no open redirect). */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(Character::isISOControl)) {
            return "/staff";
        }
        return next;
    }

    private static String group(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static long secondsUntil(Instant until) {
        return Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }
}
