package org.aduan.stats;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How statistics are published and rebuilt. */
@ConfigMapping(prefix = "aduan.stats")
public interface StatsConfig {

    /** A published cell counting fewer complaints than this is suppressed. */
    @WithDefault("10")
    int minCell();

    /**
     * A rate, median or average is shown only when it rests on at least this many complaints; below that
     * it says the sample is too small.
     */
    @WithDefault("30")
    int minSample();

    /** How old the published figures may get; also the {@code max-age} of the HTTP responses. */
    @WithDefault("60s")
    Duration snapshotMaxAge();

    /** Days, weeks, months and years are those of this time zone (most complaints come from WIB). */
    @WithDefault("Asia/Jakarta")
    ZoneId timeZone();

    /** Licence of the published data. */
    Licence licence();

    /** Rebuild by replay. */
    Rebuild rebuild();

    interface Licence {
        @WithDefault("CC BY 4.0")
        String name();

        @WithDefault("https://creativecommons.org/licenses/by/4.0/")
        String url();

        @WithDefault("Aduan open complaint statistics. Region names: idn-area-data (ODbL 1.0).")
        String attribution();
    }

    interface Rebuild {
        /**
         * Token an operator sends in {@code X-Admin-Token} to start a rebuild (OIDC comes later). Without
         * one the admin endpoints are disabled.
         */
        Optional<String> adminToken();

        /** Records per poll while replaying. */
        @WithDefault("5000")
        int batchSize();

        /** A replaying rebuild whose heartbeat is older than this is taken as dead and cleaned up. */
        @WithDefault("2m")
        Duration heartbeatTimeout();

        /** How often abandoned rebuilds are looked for (read by the scheduler). */
        @WithDefault("30s")
        Duration cleanupEvery();
    }
}
