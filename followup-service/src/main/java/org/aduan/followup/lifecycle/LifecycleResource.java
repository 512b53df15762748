package org.aduan.followup.lifecycle;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aduan.followup.sla.Sla;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The lifecycle table, published: the promise Aduan keeps, readable by anyone. */
@Path("/api/v1/lifecycle")
@Tag(name = "Lifecycle", description = "Statuses, actions, roles and service levels")
public class LifecycleResource {

    /** The table: every status with its service level, every action with where it leads and who takes it. */
    public record Table(List<State> statuses, List<Action> actions) {
    }

    /**
     * A status and its label in Indonesian and English.
     *
     * @param sla the service level while a complaint is in it; none once finished
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record State(String status, String labelId, String labelEn, Optional<Sla> sla) {
    }

    /**
     * An action.
     *
     * @param from the statuses it may be taken in
     * @param to   the status it leads to; none when the status stays
     * @param who  the roles that may take it
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Action(String action, List<String> from, Optional<String> to, List<String> who, String visibility,
            String labelId, String labelEn) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The lifecycle table",
            description = "Statuses with their SLA in working days (Asia/Jakarta, weekends, national holidays and "
                    + "cuti bersama excluded), and the actions between them with the roles that may take them.")
    public Table table() {
        List<State> states = Arrays.stream(CaseStatus.values())
                .map(s -> new State(s.name(), s.label("id"), s.label("en"), s.sla()))
                .toList();
        List<Action> actions = Arrays.stream(CaseAction.values())
                .map(a -> new Action(a.name(), a.from().stream().sorted().map(Enum::name).toList(),
                        a.to().map(Enum::name), a.who().stream().sorted().map(k -> k.name().toLowerCase()).toList(),
                        a.visibility().name(), a.label("id"), a.label("en")))
                .toList();
        return new Table(states, actions);
    }
}
