package org.aduan.intake.problem;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Authentication and authorisation failures as problems too: 401 with a {@code WWW-Authenticate: Bearer}
 * challenge for a missing, forged or expired token, 403 for a valid token without a staff role, 503
 * while Keycloak cannot be reached. (Authentication is lazy, {@code quarkus.http.auth.proactive=false},
 * so these reach the REST layer.)
 */
public class SecurityProblems {

    private static final Logger LOG = Logger.getLogger(SecurityProblems.class);

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    Response unauthorized(RuntimeException e) {
        return Response.fromResponse(Problem.of("unauthorized", "Unauthorized", Response.Status.UNAUTHORIZED,
                "A valid bearer token from Aduan's Keycloak realm is required.").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"aduan\"").build();
    }

    @ServerExceptionMapper(OIDCException.class)
    Response identityProviderUnavailable(OIDCException e) {
        LOG.warnf("tokens cannot be verified: %s", e.getMessage());
        return Response.fromResponse(Problem.of("identity-provider-unavailable", "Identity provider unavailable",
                Response.Status.SERVICE_UNAVAILABLE,
                "Tokens cannot be verified right now because Keycloak does not answer. Try again shortly.").toResponse())
                .header("Retry-After", "30").build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    Response forbidden(ForbiddenException e) {
        return Problem.of("forbidden", "Forbidden", Response.Status.FORBIDDEN,
                "Your token does not carry a role that may do this.").toResponse();
    }
}
