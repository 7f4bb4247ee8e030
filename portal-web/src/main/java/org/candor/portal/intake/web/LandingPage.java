package org.candor.portal.intake.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.ChannelText;
import org.candor.portal.platform.i18n.Languages;
import org.candor.portal.platform.web.Page;

/**
 * The landing page: the channels a whistleblower can report to, and how their anonymity is
 * protected, in plain words.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LandingPage {

    @Inject
    ChannelRepository channels;

    @Context
    HttpServletRequest request;

    /** A channel as the landing page shows it. */
    public record ChannelCard(String slug, String name, String description) {
    }

    @GET
    public Page show() {
        Locale language = Languages.of(request);
        List<ChannelCard> cards = channels.published().stream()
                .map(channel -> {
                    ChannelText text = channel.textFor(language);
                    return new ChannelCard(channel.slug(), text.name(), text.description());
                })
                .toList();
        return Page.of("public/landing").with("channels", cards);
    }
}
