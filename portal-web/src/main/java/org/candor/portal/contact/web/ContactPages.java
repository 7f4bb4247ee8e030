package org.candor.portal.contact.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.candor.crypto.IntegrityCheckFailed;
import org.candor.portal.appeal.Appeals;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseMessages;
import org.candor.portal.casefile.CaseRepository;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.SafeFileNames;
import org.candor.portal.casefile.upload.MessageForm;
import org.candor.portal.casefile.upload.Multipart;
import org.candor.portal.channel.Problem;
import org.candor.portal.contact.ContactSignIn;
import org.candor.portal.contact.Conversation;
import org.candor.portal.contact.StatusView;
import org.candor.portal.contact.WhistleblowerSessions;
import org.candor.portal.governance.retention.RetentionNotices;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.i18n.Messages;
import org.candor.portal.platform.web.Page;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The whistleblower's way back in (issue: contact and redress). Sign-in with the reply code
 * sets a session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS, gone when the browser
 * closes) holding the case id and the lock secret only; each page unlocks the case key, opens
 * what it shows, and closes it. Messages and appeals stream through sealing as they arrive.
 */
@Path("/contact")
@Produces(MediaType.TEXT_HTML)
public class ContactPages {

    /** The most characters the sign-in page's code field takes (its {@code maxlength}). */
    static final int MOST_TYPED = 200;

    @Inject
    RetentionNotices retentionNotices;

    @Inject
    ContactSignIn signIn;

    @Inject
    WhistleblowerSessions sessions;

    @Inject
    CaseRepository cases;

    @Inject
    Conversation conversation;

    @Inject
    CaseMessages messages;

    @Inject
    Appeals appeals;

    @Inject
    @ConfigProperty(name = "candor.contact.idle-minutes", defaultValue = "10")
    int idleMinutes;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    public Page form(@QueryParam("signedOut") String signedOut, @QueryParam("expired") String expired,
            @QueryParam("plain") String plain) {
        Page page = Page.of("public/contact/sign-in");
        if (plain != null) {
            page.with("plain", true); // the sign-in on the server, without the browser's module
        }
        if (signedOut != null) {
            return page.with("notice", text("contact.signedOut"));
        }
        return expired == null ? page : page.with("notice", text("contact.expired"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("code") String typed) {
        ContactSignIn.Result result = signIn.signIn(typed == null ? "" : typed);
        return switch (result) {
            case ContactSignIn.Result.SignedIn in -> {
                sessions.start(request, response, in.caseId(), in.lockSecret(), idleMinutes);
                yield seeOther("/contact/conversation");
            }
            case ContactSignIn.Result.Typo typo -> Response.status(422).entity(Page.of("public/contact/sign-in")
                    .with("typed", givenBack(typed))
                    .with("error", typo.length() == org.candor.crypto.ReplyCode.LENGTH
                            ? text("contact.typo")
                            : text("contact.typo.length", org.candor.crypto.ReplyCode.LENGTH, typo.length()))).build();
            case ContactSignIn.Result.Wrong wrong -> Response.status(403).entity(Page.of("public/contact/sign-in")
                    .with("error", text("contact.wrong"))).build();
            case ContactSignIn.Result.Throttled throttled -> Response.status(429).entity(Page.of("public/contact/sign-in")
                    .with("error", text("contact.throttled", minutes(throttled.retryAfter())))).build();
        };
    }

    /**
     * What a typo page puts back into the code field, so that one wrong character is mended rather
     * than 28 retyped: what was typed, if the field could hold it (its {@code maxlength} is
     * {@value #MOST_TYPED}); a body stuffed with more is not echoed back.
     */
    static String givenBack(String typed) {
        return typed != null && typed.length() <= MOST_TYPED ? typed : "";
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        sessions.end(request);
        return seeOther("/contact?signedOut=1");
    }

    @GET
    @Path("conversation")
    public Response conversation(@QueryParam("sent") String sent) throws IOException {
        Optional<Signed> signed = signed();
        if (signed.isEmpty()) {
            return seeOther("/contact?expired=1");
        }
        Conversation.Opened opened = conversation.open(signed.get().caseFile(), signed.get().session().lockSecret(), language());
        Page page = Page.of("public/contact/conversation").with("opened", opened)
                .with("maxChars", CaseMessages.MAX_TEXT_CHARS);
        if (sent != null) {
            page.with("notice", text("contact.sent"));
        }
        return Response.ok(page).build();
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response send() throws IOException {
        Optional<Signed> signed = signed();
        if (signed.isEmpty()) {
            Multipart.drain(request);
            return seeOther("/contact?expired=1");
        }
        UUID caseId = signed.get().caseFile().id();
        try (CaseMessages.Draft draft = messages.draft(caseId, ItemKind.WHISTLEBLOWER_MESSAGE)) {
            MessageForm.readInto(request, draft);
            draft.send(Optional.empty());
        } catch (CaseMessages.Refused refused) {
            Multipart.drain(request);
            Conversation.Opened opened = conversation.open(signed.get().caseFile(), signed.get().session().lockSecret(), language());
            return Response.status(422).entity(Page.of("public/contact/conversation").with("opened", opened)
                    .with("maxChars", CaseMessages.MAX_TEXT_CHARS).with("error", problem(refused.problem()))).build();
        }
        return seeOther("/contact/conversation?sent=1");
    }

    @GET
    @Path("files/{item}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("item") String item) throws IOException {
        Optional<Signed> signed = signed();
        if (signed.isEmpty()) {
            return seeOther("/contact?expired=1");
        }
        UUID itemId;
        try {
            itemId = UUID.fromString(item);
        } catch (IllegalArgumentException notAnId) {
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE).entity(errorPage(404)).build();
        }
        CaseFile caseFile = signed.get().caseFile();
        var secret = signed.get().session().lockSecret();
        Optional<Conversation.FileLink> file = conversation.file(caseFile, secret, itemId);
        if (file.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE).entity(errorPage(404)).build();
        }
        try {
            conversation.check(caseFile, secret, itemId);
        } catch (IllegalArgumentException notShared) {
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE).entity(errorPage(404)).build();
        } catch (IntegrityCheckFailed damaged) {
            return damagedFile(signed.get(), "contact.file.damaged");
        } catch (IOException unreadable) {
            return damagedFile(signed.get(), "contact.file.unreadable");
        }
        // no Content-Length: should the blob fail during this second pass, the response breaks off incomplete
        StreamingOutput body = out -> conversation.download(caseFile, secret, itemId, out);
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", SafeFileNames.contentDisposition(file.get().name()))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .build();
    }

    /** The conversation with a clear message that a file failed its integrity check and nothing of it was sent. */
    private Response damagedFile(Signed signed, String messageKey) throws IOException {
        Conversation.Opened opened = conversation.open(signed.caseFile(), signed.session().lockSecret(), language());
        return Response.status(422).type(MediaType.TEXT_HTML_TYPE).entity(Page.of("public/contact/conversation")
                .with("opened", opened).with("maxChars", CaseMessages.MAX_TEXT_CHARS).with("error", text(messageKey)))
                .build();
    }

    @GET
    @Path("status")
    public Response status() throws IOException {
        Optional<Signed> signed = signed();
        if (signed.isEmpty()) {
            return seeOther("/contact?expired=1");
        }
        return Response.ok(statusPage(signed.get(), null)).build();
    }

    @POST
    @Path("appeal")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response appeal() throws IOException {
        Optional<Signed> signed = signed();
        if (signed.isEmpty()) {
            Multipart.drain(request);
            return seeOther("/contact?expired=1");
        }
        UUID caseId = signed.get().caseFile().id();
        try (CaseMessages.Draft draft = appeals.draft(caseId)) {
            MessageForm.readInto(request, draft);
            appeals.file(caseId, draft);
        } catch (CaseMessages.Refused refused) {
            Multipart.drain(request);
            return Response.status(422).entity(statusPage(signed.get(), problem(refused.problem()))).build();
        } catch (Appeals.AlreadyFiled twice) {
            Multipart.drain(request);
        }
        return seeOther("/contact/status#appeal");
    }

    private Page statusPage(Signed signed, String error) throws IOException {
        CaseFile caseFile = cases.find(signed.caseFile().id()).orElseThrow();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Conversation.Opened grounds = conversation.openLast(caseFile, signed.session().lockSecret(), StatusView.GROUNDS);
        Page page = Page.of("public/contact/status")
                .with("status", StatusView.of(caseFile, today, appeals.of(caseFile.id())).withGrounds(grounds))
                .with("maxChars", CaseMessages.MAX_TEXT_CHARS)
                .with("retention", retentionNotices.forCase(caseFile.id()));
        if (error != null) {
            page.with("error", error);
        }
        return page;
    }

    private record Signed(org.candor.portal.contact.WhistleblowerSession session, CaseFile caseFile) {
    }

    /** The signed-in whistleblower and their case; a deleted case ends the session. */
    private Optional<Signed> signed() {
        Optional<org.candor.portal.contact.WhistleblowerSession> session = sessions.of(request);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<CaseFile> caseFile = cases.find(session.get().caseId());
        if (caseFile.isEmpty()) {
            sessions.end(request);
            return Optional.empty();
        }
        return Optional.of(new Signed(session.get(), caseFile.get()));
    }

    private String problem(Problem problem) {
        return text(problem.key(), problem.arguments().toArray());
    }

    private Page errorPage(int status) {
        return Page.of("public/error").with("status", status).with("incident", "");
    }

    private Locale language() {
        return Languages.of(request);
    }

    private String text(String key, Object... arguments) {
        return Messages.get(language(), key, arguments);
    }

    static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
