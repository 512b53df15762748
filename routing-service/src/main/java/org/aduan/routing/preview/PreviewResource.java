package org.aduan.routing.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aduan.routing.decision.RoutingEngine;
import org.aduan.routing.decision.RoutingProposal;
import org.aduan.routing.decision.RoutingRequest;
import org.aduan.routing.directory.AgencyDirectory;
import org.aduan.routing.gazetteer.RegionLevel;
import org.aduan.routing.problem.Problem;
import org.aduan.routing.problem.Problem.FieldError;
import org.aduan.routing.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where would a complaint go, and why? The decision routing would take, computed the same way as for a
 * real complaint, without storing or sending anything: for agencies' own apps (show the citizen who
 * will handle it before they submit), for operators checking a rule change, and for the curious.
 */
@Tag(name = "Routing preview")
@Path("/api/v1/routing/preview")
public class PreviewResource {

    static final int MAX_TEXT = 20_000;

    private final RoutingEngine engine;
    private final AgencyDirectory directory;

    PreviewResource(RoutingEngine engine, AgencyDirectory directory) {
        this.engine = engine;
        this.directory = directory;
    }

    /**
     * A complaint to preview.
     *
     * @param text        the complaint text (required)
     * @param location    the citizen's description of the place
     * @param regionCode  a Kemendagri region code, if a form supplied one (wins over the text)
     * @param entryAgency the agency whose own door the citizen uses
     * @param category    the category the citizen chose, if any
     * @param language    {@code id} (default) or {@code en}
     */
    public record PreviewRequest(String text, String location, String regionCode, String entryAgency, String category,
            String language) {
    }

    /**
     * The decision routing would take.
     *
     * @param agencyId     the agency that would act; absent when it would go to triage
     * @param regionCode   the region found
     * @param category     the category found
     * @param confidence   0..1
     * @param reasons      region evidence, category evidence (terms and weights), the rule
     * @param triage       true when an operator would decide
     * @param ruleId       the rule that decided
     * @param alternatives who would be next if the agency declined
     * @param wouldRouteTo in triage for lack of confidence: the agency the rules pointed at
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record PreviewResponse(Optional<String> agencyId, Optional<String> regionCode, String category,
            double confidence, List<String> reasons, boolean triage, String ruleId, List<String> alternatives,
            Optional<String> wouldRouteTo) {

        static PreviewResponse of(RoutingProposal p) {
            return new PreviewResponse(p.agencyId(), p.regionCode(), p.category(), p.confidence(), p.reasons(),
                    p.triage(), p.ruleId(), p.alternatives(), p.wouldRouteTo());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The decision routing would take",
            content = @Content(schema = @Schema(implementation = PreviewResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PreviewResponse preview(PreviewRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new ProblemException(Problem.invalid(List.of(new FieldError("body", "a JSON object with text"))));
        }
        if (request.text() == null || request.text().isBlank()) {
            errors.add(new FieldError("text", "required: the complaint's text"));
        } else if (request.text().length() > MAX_TEXT) {
            errors.add(new FieldError("text", "at most " + MAX_TEXT + " characters"));
        }
        if (request.location() != null && request.location().length() > 1000) {
            errors.add(new FieldError("location", "at most 1000 characters"));
        }
        if (request.regionCode() != null && !request.regionCode().isBlank()
                && RegionLevel.of(request.regionCode().strip()).isEmpty()) {
            errors.add(new FieldError("regionCode", "a Kemendagri code such as 32, 32.73, 32.73.06 or 32.73.06.1001"));
        }
        if (request.entryAgency() != null && !request.entryAgency().isBlank()
                && directory.find(request.entryAgency()).isEmpty()) {
            errors.add(new FieldError("entryAgency", "no agency " + request.entryAgency()));
        }
        if (request.category() != null && !request.category().isBlank()
                && org.aduan.events.Category.ofCode(request.category()).isEmpty()) {
            errors.add(new FieldError("category", "not a category code"));
        }
        if (request.language() != null && !List.of("id", "en").contains(request.language())) {
            errors.add(new FieldError("language", "id or en"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        RoutingProposal proposal = engine.decide(new RoutingRequest(request.text(), Optional.ofNullable(request.location()),
                Optional.ofNullable(request.regionCode()), Optional.ofNullable(request.entryAgency()),
                Optional.ofNullable(request.category()), request.language()));
        return PreviewResponse.of(proposal);
    }
}
