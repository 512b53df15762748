package org.aduan.routing.directory;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import org.aduan.events.Category;
import org.aduan.routing.gazetteer.RegionLevel;
import org.aduan.routing.problem.Problem;
import org.aduan.routing.problem.Problem.FieldError;
import org.aduan.routing.problem.ProblemException;
import org.aduan.routing.staff.Staff;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The agency directory: every body a complaint can be routed to — local governments of provinces and
 * regencies/cities, ministries and national agencies, state enterprises, Indonesia's missions abroad —
 * with its names, level, parent (where escalation goes) and categories. Operators list and edit it;
 * agencies are never deleted (complaints name them forever), an inactive one is never chosen. Reading is
 * open to everyone; an edit needs an operator's or admin's bearer token, and records who made it.
 */
@Tag(name = "Agency directory")
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private static final int MAX_PAGE = 500;

    private final AgencyDirectory directory;
    private final Staff staff;

    AgencyResource(AgencyDirectory directory, Staff staff) {
        this.directory = directory;
        this.staff = staff;
    }

    /** One page of the directory. */
    public record AgencyPage(List<AgencyView> items, long total, int page, int size) {
    }

    /**
     * An agency as the API shows and accepts it.
     *
     * @param id         stable id ({@code pemda-32.73}, {@code pln}, {@code perwakilan-my}); ignored in a PUT body
     * @param nameId     name in Indonesian
     * @param nameEn     name in English
     * @param level      COORDINATOR, NATIONAL, ENTERPRISE, PROVINCE, REGENCY or EMBASSY
     * @param regionCode for a local government: its Kemendagri region code
     * @param parentId   where escalation goes
     * @param categories category codes it handles
     * @param autonomous false: its complaints go to its parent (Jakarta's administrative cities)
     * @param active     false: never chosen
     * @param updatedAt  last change
     * @param updatedBy  who changed it last: the operator's Keycloak username ({@code seed} for the shipped data)
     */
    public record AgencyView(String id, String nameId, String nameEn, String level, String regionCode, String parentId,
            List<String> categories, Boolean autonomous, Boolean active, Instant updatedAt, String updatedBy) {

        static AgencyView of(Agency a) {
            return new AgencyView(a.id, a.nameId, a.nameEn, a.level.name(), a.regionCode, a.parentId,
                    List.of(a.categories), a.autonomous, a.active, a.updatedAt, a.updatedBy);
        }
    }

    /**
     * Lists agencies, filtered and paged, ordered by id.
     *
     * @param level    only this level
     * @param category only agencies handling this category
     * @param parent   only children of this agency
     * @param q        words in the id or either name (case-insensitive)
     */
    @GET
    public AgencyPage list(@QueryParam("level") String level, @QueryParam("category") String category,
            @QueryParam("parent") String parent, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        List<FieldError> errors = new ArrayList<>();
        if (level != null && !isLevel(level)) {
            errors.add(new FieldError("level", "one of COORDINATOR, NATIONAL, ENTERPRISE, PROVINCE, REGENCY, EMBASSY"));
        }
        if (category != null && Category.ofCode(category).isEmpty()) {
            errors.add(new FieldError("category", "not a category code"));
        }
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (level != null) {
            where.append(" and level = :level");
            params.put("level", AgencyLevel.valueOf(level));
        }
        if (parent != null) {
            where.append(" and parentId = :parent");
            params.put("parent", parent);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(id) like :q or lower(nameId) like :q or lower(nameEn) like :q)");
            params.put("q", "%" + q.strip().toLowerCase() + "%");
        }
        if (category != null) {
            where.append(" and array_contains(categories, :category)");
            params.put("category", category);
        }
        var query = Agency.<Agency>find(where.toString(), Sort.by("id"), params);
        List<AgencyView> items = query.page(Page.of(page, size)).list().stream().map(AgencyView::of).toList();
        return new AgencyPage(items, query.count(), page, size);
    }

    /** One agency. */
    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "404", description = "No such agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AgencyView get(@PathParam("id") String id) {
        Agency agency = Agency.findById(id);
        if (agency == null) {
            throw new ProblemException(Problem.notFound("no agency " + id));
        }
        return AgencyView.of(agency);
    }

    /**
     * Creates or replaces an agency. The parent must exist and must not make a cycle; a local
     * government needs a region code of its level. Operators and admins only.
     */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Staff.OPERATOR, Staff.ADMIN })
    @SecurityRequirement(name = "keycloak")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token (missing, forged, expired)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token has neither the operator nor the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("id") String id, AgencyView body) throws SQLException {
        String editor = staff.username();
        Response response = QuarkusTransaction.requiringNew().call(() -> store(id, body, editor));
        directory.reload();
        return response;
    }

    private Response store(String id, AgencyView body, String editor) {
        List<FieldError> errors = validate(id, body);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        Agency agency = Agency.findById(id);
        boolean created = agency == null;
        if (created) {
            agency = new Agency();
            agency.id = id;
        }
        agency.nameId = body.nameId().strip();
        agency.nameEn = body.nameEn().strip();
        agency.level = AgencyLevel.valueOf(body.level());
        agency.regionCode = blankToNull(body.regionCode());
        agency.parentId = blankToNull(body.parentId());
        agency.categories = body.categories().toArray(String[]::new);
        agency.autonomous = body.autonomous() == null || body.autonomous();
        agency.active = body.active() == null || body.active();
        agency.updatedAt = Instant.now();
        agency.updatedBy = editor;
        if (created) {
            agency.persist();
        }
        return Response.status(created ? 201 : 200).entity(AgencyView.of(agency)).build();
    }

    private List<FieldError> validate(String id, AgencyView body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            return List.of(new FieldError("body", "an agency object is required"));
        }
        if (!id.matches("[a-z0-9][a-z0-9.-]{1,63}")) {
            errors.add(new FieldError("id", "lower-case letters, digits, '.' and '-', 2 to 64 characters"));
        }
        if (body.nameId() == null || body.nameId().isBlank() || body.nameId().length() > 300) {
            errors.add(new FieldError("nameId", "required, at most 300 characters"));
        }
        if (body.nameEn() == null || body.nameEn().isBlank() || body.nameEn().length() > 300) {
            errors.add(new FieldError("nameEn", "required, at most 300 characters"));
        }
        if (body.level() == null || !isLevel(body.level())) {
            errors.add(new FieldError("level", "one of COORDINATOR, NATIONAL, ENTERPRISE, PROVINCE, REGENCY, EMBASSY"));
        } else {
            AgencyLevel level = AgencyLevel.valueOf(body.level());
            Optional<RegionLevel> regionLevel = Optional.ofNullable(blankToNull(body.regionCode()))
                    .flatMap(RegionLevel::of);
            if (level == AgencyLevel.PROVINCE && regionLevel.filter(l -> l == RegionLevel.PROVINCE).isEmpty()) {
                errors.add(new FieldError("regionCode", "a province needs a province code such as 32"));
            }
            if (level == AgencyLevel.REGENCY && regionLevel.filter(l -> l == RegionLevel.REGENCY).isEmpty()) {
                errors.add(new FieldError("regionCode", "a regency/city needs a code such as 32.73"));
            }
            if (level != AgencyLevel.PROVINCE && level != AgencyLevel.REGENCY && blankToNull(body.regionCode()) != null) {
                errors.add(new FieldError("regionCode", "only local governments have a region code"));
            }
        }
        if (body.categories() == null || body.categories().isEmpty()) {
            errors.add(new FieldError("categories", "at least one category code"));
        } else {
            body.categories().stream().filter(c -> c == null || Category.ofCode(c).isEmpty()).findFirst()
                    .ifPresent(c -> errors.add(new FieldError("categories", "unknown category code " + c)));
        }
        String parent = blankToNull(body.parentId());
        if (parent != null) {
            if (Agency.findById(parent) == null) {
                errors.add(new FieldError("parentId", "no agency " + parent));
            } else if (makesCycle(id, parent)) {
                errors.add(new FieldError("parentId", "would make " + id + " its own ancestor"));
            }
        }
        return errors;
    }

    private static boolean makesCycle(String id, String parent) {
        Set<String> seen = new HashSet<>();
        for (String p = parent; p != null; ) {
            if (p.equals(id) || !seen.add(p)) {
                return true;
            }
            Agency a = Agency.findById(p);
            p = a == null ? null : a.parentId;
        }
        return false;
    }

    private static boolean isLevel(String level) {
        try {
            AgencyLevel.valueOf(level);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
