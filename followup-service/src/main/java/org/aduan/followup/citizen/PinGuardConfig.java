package org.aduan.followup.citizen;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on wrong PINs (see {@link PinGuard}). */
@ConfigMapping(prefix = "aduan.pin-guard")
public interface PinGuardConfig {

    /** Wrong PINs for one tracking code within the window before it is locked. */
    @WithDefault("5")
    int maxFailuresPerCode();

    /** Wrong PINs from one client address within the window before it is locked out. */
    @WithDefault("20")
    int maxFailuresPerAddress();

    /** The sliding window the failures are counted in. */
    @WithDefault("PT15M")
    Duration window();
}
