package org.aduan.followup.lifecycle;

import java.util.Optional;

/**
 * Who takes an action on a case.
 *
 * @param kind     the role the action is taken in
 * @param agencyId the agency of an officer or supervisor
 * @param user     the person or system client (the token's {@code preferred_username}), for the audit trail
 */
public record Actor(Kind kind, Optional<String> agencyId, Optional<String> user) {

    /** The roles of the lifecycle table. */
    public enum Kind {
        /** Aduan itself: routing decisions, timers. */
        SYSTEM,
        /** An agency officer (Keycloak realm role {@code officer}). */
        OFFICER,
        /** An agency supervisor (role {@code supervisor}): an officer who also answers appeals and rejects. */
        SUPERVISOR,
        /** A platform operator (role {@code operator}). */
        OPERATOR,
        /** A platform administrator (role {@code admin}). */
        ADMIN,
        /** The citizen, by tracking code and PIN. */
        CITIZEN
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, Optional.empty(), Optional.empty());
    public static final Actor CITIZEN = new Actor(Kind.CITIZEN, Optional.empty(), Optional.empty());

    public static Actor agencyUser(Kind kind, String agencyId, String user) {
        return new Actor(kind, Optional.of(agencyId), Optional.of(user));
    }

    public static Actor platformUser(Kind kind, String user) {
        return new Actor(kind, Optional.empty(), Optional.of(user));
    }

    /**
     * The {@code actor} of {@code ComplaintStatusChanged}: {@code system}, the agency id, {@code citizen},
     * {@code operator} or {@code admin}. Never a person's name: the lifecycle topic reaches stats.
     */
    public String label() {
        return switch (kind) {
            case SYSTEM -> "system";
            case OFFICER, SUPERVISOR -> agencyId.orElse("agency");
            case OPERATOR -> "operator";
            case ADMIN -> "admin";
            case CITIZEN -> "citizen";
        };
    }
}
