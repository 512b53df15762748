package org.aduan.stats.summary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public statistics of complaints: how many, in which status, about what, where and through which
 * channel. Built from anonymised facts only; no complaint text or reporter identity is stored here.
 */
@Tag(name = "Statistics")
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsSummaryResource {

    private final ComplaintCounts counts;

    StatsSummaryResource(ComplaintCounts counts) {
        this.counts = counts;
    }

    /**
     * Counts of all submitted complaints: the total, and the total split by current status, by category
     * code, by province code and by channel.
     *
     * @return the summary, computed now
     */
    @GET
    @Path("/summary")
    public StatsSummary summary() {
        return counts.summary();
    }
}
