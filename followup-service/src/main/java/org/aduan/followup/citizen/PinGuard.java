package org.aduan.followup.citizen;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.identity.PinHash;
import org.aduan.followup.clock.ServiceClock;
import org.aduan.followup.lifecycle.ComplaintCase;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Opens a complaint for its citizen by tracking code and PIN, and stops PIN guessing: after
 * {@code max-failures-per-code} wrong PINs for one tracking code, or {@code max-failures-per-address}
 * from one client address, within the window, every attempt (even with the right PIN) answers 429 until
 * the window moves on. Failures are counted per code as typed, whether the code exists or not, so the
 * lock says nothing about which codes exist; an unknown code, a wrong PIN and a missing PIN answer alike.
 * Failures are rows, so the limit holds across restarts and replicas.
 */
@ApplicationScoped
public class PinGuard {

    static final int MAX_CODE_LENGTH = 40;

    @Inject
    PinHash pins;

    @Inject
    ServiceClock clock;

    @Inject
    PinGuardConfig config;

    /** Checked against when the tracking code is unknown, so that case costs as much time as a wrong PIN. */
    private String decoyPinHash;

    @PostConstruct
    void init() {
        decoyPinHash = pins.hash("decoy-pin-never-given-out");
    }

    /**
     * The complaint with this tracking code and PIN.
     *
     * @throws TooManyAttempts when the code or the address is locked
     * @throws org.aduan.followup.problem.ProblemException 404 when no complaint matches
     */
    public String verify(String trackingCode, String pin, String clientAddress, String language) {
        String code = normalise(trackingCode);
        Instant now = clock.now();
        Instant since = now.minus(config.window());
        QuarkusTransaction.requiringNew().run(() -> {
            long forCode = PinFailure.count("trackingCode = ?1 and failedAt > ?2", code, since);
            long forAddress = PinFailure.count("clientIp = ?1 and failedAt > ?2", clientAddress, since);
            if (forCode >= config.maxFailuresPerCode() || forAddress >= config.maxFailuresPerAddress()) {
                throw new TooManyAttempts(config.window());
            }
        });
        Optional<ComplaintCase> found = code.length() > MAX_CODE_LENGTH ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> ComplaintCase.byTrackingCode(code));
        String pinHash = found.map(c -> c.pinHash).orElse(decoyPinHash);
        boolean pinMatches = pins.matches(pin == null ? "" : pin, pinHash);
        if (found.isEmpty() || pin == null || !pinMatches) {
            QuarkusTransaction.requiringNew().run(() -> {
                PinFailure failure = new PinFailure();
                failure.trackingCode = code;
                failure.clientIp = clientAddress;
                failure.failedAt = now;
                failure.persist();
            });
            throw CitizenTexts.notFound(language);
        }
        return found.get().complaintId;
    }

    private static String normalise(String trackingCode) {
        String code = trackingCode == null ? "" : trackingCode.strip().toUpperCase(Locale.ROOT);
        return code.length() > 100 ? code.substring(0, 100) : code;
    }

    /** Failures older than a day can never count again. */
    @Scheduled(every = "1h", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldFailures() {
        Instant cutoff = clock.now().minus(1, ChronoUnit.DAYS).minus(config.window());
        QuarkusTransaction.requiringNew().run(() -> PinFailure.delete("failedAt < ?1", cutoff));
    }
}
