package org.aduan.routing.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Authentication and authorisation failures as problems too: 401 with a {@code WWW-Authenticate: Bearer}
 * challenge (RFC 6750) for a missing, forged or expired token, 403 for a valid token without the role,
 * 503 while Keycloak cannot be reached to verify tokens.
 * (Authentication is lazy, {@code quarkus.http.auth.proactive=false}, so these reach the REST layer.)
 */
public class SecurityProblems {

    private static final Logger LOG = Logger.getLogger(SecurityProblems.class);

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    Response unauthorized(RuntimeException e) {
        return Response.fromResponse(write(Problem.of("unauthorized", "Unauthorized", 401,
                "A valid bearer token from Aduan's Keycloak realm is required.")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"aduan\"").build();
    }

    /** Keycloak cannot be reached to verify tokens: not the caller's fault, and temporary. */
    @ServerExceptionMapper(OIDCException.class)
    Response identityProviderUnavailable(OIDCException e) {
        LOG.warnf("tokens cannot be verified: %s", e.getMessage());
        return Response.fromResponse(write(Problem.of("identity-provider-unavailable", "Identity provider unavailable",
                503, "Tokens cannot be verified right now because Keycloak does not answer. Try again shortly.")))
                .header("Retry-After", "30").build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    Response forbidden(ForbiddenException e) {
        return write(Problem.of("forbidden", "Forbidden", 403, "Your token does not carry a role that may do this."));
    }

    private Response write(Problem problem) {
        try {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write problem " + problem.type(), e);
        }
    }
}
