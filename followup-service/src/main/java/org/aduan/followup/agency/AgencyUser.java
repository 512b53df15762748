package org.aduan.followup.agency;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.aduan.followup.lifecycle.Actor;
import org.aduan.followup.problem.Problem;
import org.aduan.followup.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller of the agency API, from their verified bearer token: the {@code agency} claim (which
 * agency's complaints they may see and act on), their realm roles, and their name for the audit trail.
 */
@RequestScoped
public class AgencyUser {

    /** The Keycloak realm roles (see {@code deploy/keycloak/aduan-realm.json}). */
    public static final String OFFICER = "officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";

    static final String AGENCY_CLAIM = "agency";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** The caller's agency; a token without one cannot act for an agency (403). */
    public String agencyId() {
        return agency().orElseThrow(() -> new ProblemException(new Problem(Problem.BASE + "no-agency", "No agency",
                403, "The token carries no agency claim, so it cannot act for an agency.", null)));
    }

    public Optional<String> agency() {
        Object claim = token.getClaim(AGENCY_CLAIM);
        return claim == null || claim.toString().isBlank() ? Optional.empty() : Optional.of(claim.toString());
    }

    /** The person or client: {@code preferred_username}, else the token's subject. */
    public String username() {
        Object name = token.getClaim("preferred_username");
        return name != null ? name.toString() : token.getSubject();
    }

    public boolean isSupervisor() {
        return identity.hasRole(SUPERVISOR);
    }

    public boolean isOperator() {
        return identity.hasRole(OPERATOR);
    }

    /** The lifecycle actor: a supervisor when the token has that role, an officer otherwise. */
    public Actor actor() {
        return Actor.agencyUser(isSupervisor() ? Actor.Kind.SUPERVISOR : Actor.Kind.OFFICER, agencyId(), username());
    }

    /** An operator or admin acting for the platform. */
    public Actor platformActor(Actor.Kind kind) {
        return Actor.platformUser(kind, username());
    }
}
