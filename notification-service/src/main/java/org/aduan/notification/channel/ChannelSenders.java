package org.aduan.notification.channel;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.aduan.events.Channel;
import org.aduan.events.ChannelOrigin;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The senders by provider, and which provider answers a message that came in on a channel. */
@ApplicationScoped
public class ChannelSenders {

    /** {@code ChannelOrigin.provider} of the web form: its answer is the HTTP response, nothing is sent. */
    static final String WEB = "web";

    private final Map<String, ChannelSender> byProvider = new HashMap<>();
    private final String smsProvider;

    public ChannelSenders(Instance<ChannelSender> senders,
            @ConfigProperty(name = "aduan.notification.sms.provider", defaultValue = "kannel") String smsProvider) {
        for (ChannelSender sender : senders) {
            byProvider.put(sender.provider(), sender);
        }
        this.smsProvider = smsProvider.toLowerCase(Locale.ROOT);
    }

    public Optional<ChannelSender> forProvider(String provider) {
        return Optional.ofNullable(byProvider.get(provider));
    }

    /**
     * The way back to the citizen: the provider their message came through, or for a complaint without
     * origin the channel's usual provider. Absent for the web and the API, whose answer is the HTTP
     * response (on screen only).
     */
    public Optional<Route> route(Channel channel, Optional<ChannelOrigin> origin) {
        if (channel == Channel.WEB || channel == Channel.API) {
            return Optional.empty();
        }
        if (origin.isPresent() && origin.get().provider() != null && !origin.get().provider().isBlank()) {
            String provider = origin.get().provider().trim().toLowerCase(Locale.ROOT);
            return WEB.equals(provider) ? Optional.empty()
                    : Optional.of(new Route(provider, origin.get().serviceAddress(), origin.get().gateway()));
        }
        String provider = switch (channel) {
            case SMS -> smsProvider;
            case WHATSAPP -> "whatsapp";
            case TELEGRAM -> "telegram";
            case X -> "x";
            case WEB, API -> throw new IllegalStateException("unreachable");
        };
        return Optional.of(new Route(provider, Optional.empty(), Optional.empty()));
    }
}
