package org.aduan.followup.sla;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who stands above an agency when it misses a deadline, derived from the agency id alone (DESIGN.md's
 * id format), because followup never reads routing-service's directory:
 * <ul>
 * <li>a local government one level below another: {@code pemda-32.73} (city of Bandung) →
 * {@code pemda-32} (province of Jawa Barat); deeper codes lose one segment at a time;</li>
 * <li>a province {@code pemda-32} → the national coordinator {@value #NATIONAL};</li>
 * <li>an embassy or consulate {@code perwakilan-my} → the foreign ministry {@value #FOREIGN_MINISTRY},
 * and that → {@value #NATIONAL};</li>
 * <li>every other national agency or state enterprise ({@code pln}, {@code bpjs-kesehatan},
 * {@code imigrasi}, ...) → {@value #NATIONAL};</li>
 * <li>{@value #NATIONAL} itself, KemenPANRB, which runs LAPOR!, has nobody above it.</li>
 * </ul>
 */
public final class AgencyHierarchy {

    /** The national coordinator: the ministry that runs LAPOR! (and Aduan's operators). */
    public static final String NATIONAL = "kemenpanrb";
    public static final String FOREIGN_MINISTRY = "kemlu";
    private static final Pattern LOCAL_GOVERNMENT = Pattern.compile("pemda-\\d+(\\.\\d+)*");

    private AgencyHierarchy() {
    }

    /** The agency directly above {@code agencyId}, if any. */
    public static Optional<String> parent(String agencyId) {
        if (agencyId == null || agencyId.isBlank() || NATIONAL.equals(agencyId)) {
            return Optional.empty();
        }
        if (LOCAL_GOVERNMENT.matcher(agencyId).matches()) {
            int dot = agencyId.lastIndexOf('.');
            return Optional.of(dot < 0 ? NATIONAL : agencyId.substring(0, dot));
        }
        if (agencyId.startsWith("perwakilan-")) {
            return Optional.of(FOREIGN_MINISTRY);
        }
        return Optional.of(NATIONAL);
    }

    /** Every agency above {@code agencyId}, nearest first. */
    public static List<String> ancestors(String agencyId) {
        List<String> chain = new ArrayList<>();
        for (Optional<String> p = parent(agencyId); p.isPresent(); p = parent(p.get())) {
            chain.add(p.get());
        }
        return chain;
    }
}
