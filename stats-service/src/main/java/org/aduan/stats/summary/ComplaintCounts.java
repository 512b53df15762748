package org.aduan.stats.summary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.aduan.stats.projection.ComplaintFact;

/**
 * Counts complaints from {@link ComplaintFact}. Only complaints whose submission has been seen are
 * counted: a lifecycle event can arrive first, and until its submission does the complaint has no
 * category, province or channel to be counted under.
 */
@ApplicationScoped
class ComplaintCounts {

    /** The dimensions, as entity fields: fixed names, never taken from a request. */
    private enum Dimension {
        STATUS("status"), CATEGORY("category"), PROVINCE("provinceCode"), CHANNEL("channel");

        final String field;

        Dimension(String field) {
            this.field = field;
        }
    }

    private final EntityManager em;

    ComplaintCounts(EntityManager em) {
        this.em = em;
    }

    @Transactional
    StatsSummary summary() {
        long total = em.createQuery("select count(f) from ComplaintFact f where f.submittedAt is not null", Long.class)
                .getSingleResult();
        return new StatsSummary(total, countBy(Dimension.STATUS), countBy(Dimension.CATEGORY),
                countBy(Dimension.PROVINCE), countBy(Dimension.CHANNEL), Instant.now());
    }

    private Map<String, Long> countBy(Dimension dimension) {
        List<Object[]> rows = em.createQuery("""
                        select coalesce(f.%1$s, '%2$s'), count(f) from ComplaintFact f
                        where f.submittedAt is not null
                        group by coalesce(f.%1$s, '%2$s')""".formatted(dimension.field, ComplaintFact.UNKNOWN),
                        Object[].class)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }
}
