package org.aduan.routing.staff;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The person behind a staff request, from their verified Keycloak bearer token: realm roles, the
 * {@code agency} claim of an agency's officer, and the name the directory and the referral chain record.
 */
@RequestScoped
public class Staff {

    /** Realm roles of {@code deploy/keycloak/aduan-realm.json}. */
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";
    public static final String OFFICER = "officer";
    public static final String SUPERVISOR = "supervisor";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Staff(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** Who: {@code preferred_username}, else the token's subject. */
    public String username() {
        Object name = token.getClaim("preferred_username");
        return name != null ? name.toString() : token.getSubject();
    }

    /** An operator or admin: acts for the whole platform. */
    public boolean isPlatformStaff() {
        return identity.hasRole(OPERATOR) || identity.hasRole(ADMIN);
    }

    /** The agency an officer or supervisor works for (the token's {@code agency} claim). */
    public Optional<String> agency() {
        Object claim = token.getClaim("agency");
        return claim == null || claim.toString().isBlank() ? Optional.empty() : Optional.of(claim.toString());
    }
}
