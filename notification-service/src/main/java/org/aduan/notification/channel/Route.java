package org.aduan.notification.channel;

import java.util.Optional;

/**
 * How a message leaves: the provider, and Aduan's side of the conversation the citizen started (the
 * number or account they wrote to, the gateway it came through). Never the citizen's address.
 */
public record Route(String provider, Optional<String> serviceAddress, Optional<String> gateway) {
    public Route {
        serviceAddress = serviceAddress == null ? Optional.empty() : serviceAddress;
        gateway = gateway == null ? Optional.empty() : gateway;
    }
}
