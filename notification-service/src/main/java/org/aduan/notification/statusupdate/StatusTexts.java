package org.aduan.notification.statusupdate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.AgencyName;
import org.aduan.notification.template.MessageTemplates;
import org.aduan.notification.template.Template;

/**
 * What a case status means to the citizen, in their language: the text of a status update and of
 * the answer to STATUS / CEK. The names are followup-service's {@code CaseStatus} values.
 */
@ApplicationScoped
public class StatusTexts {

    /** The statuses the citizen is told about as they happen; the others are internal steps. */
    static final Set<String> TOLD = Set.of("ROUTED", "IN_PROGRESS", "RESPONDED", "CLOSED", "REJECTED");

    @Inject
    MessageTemplates templates;

    /**
     * @param agencyId   the responsible agency, if known (only ROUTED names it)
     * @param agencyName its name; the citizen reads the name in their language, the id only when no
     *                   name came with the status change
     */
    public String render(String status, String agencyId, Optional<AgencyName> agencyName, String trackingCode,
            String language) {
        Template template = template(status, agencyId);
        Map<String, String> values = template == Template.STATUS_ROUTED
                ? Map.of("trackingCode", trackingCode, "agency", agencyName.map(n -> n.in(language)).orElse(agencyId))
                : Map.of("trackingCode", trackingCode);
        return templates.render(template, language, values);
    }

    static Template template(String status, String agencyId) {
        return switch (status == null ? "" : status) {
            case "ROUTED" -> agencyId == null ? Template.STATUS_IN_PROGRESS : Template.STATUS_ROUTED;
            case "TRANSFER_REQUESTED" -> Template.STATUS_TRANSFERRING;
            case "IN_PROGRESS", "REOPENED", "APPEALED" -> Template.STATUS_IN_PROGRESS;
            case "RESPONDED", "RATED" -> Template.STATUS_RESPONDED;
            case "CLOSED", "ARCHIVED" -> Template.STATUS_CLOSED;
            case "REJECTED" -> Template.STATUS_REJECTED;
            // RECEIVED, TRIAGE, or nothing known yet beyond the complaint itself
            default -> Template.STATUS_RECEIVED;
        };
    }
}
