package org.aduan.routing.decision;

import java.util.Optional;

/**
 * What routing reads of a complaint.
 *
 * @param text           the complaint (title and text)
 * @param location       the citizen's description of the place, if any
 * @param regionCode     a structured Kemendagri code from a form, if any: it wins over the text
 * @param entryAgency    the agency whose own door (app, number) the citizen used, if any
 * @param chosenCategory the category the citizen chose, if any
 * @param language       {@code id} or {@code en}, the citizen's language (reasons are in English for staff)
 */
public record RoutingRequest(String text, Optional<String> location, Optional<String> regionCode,
        Optional<String> entryAgency, Optional<String> chosenCategory, String language) {

    public RoutingRequest {
        text = text == null ? "" : text;
        location = location == null ? Optional.empty() : location.filter(s -> !s.isBlank());
        regionCode = regionCode == null ? Optional.empty() : regionCode.map(String::strip).filter(s -> !s.isEmpty());
        entryAgency = entryAgency == null ? Optional.empty() : entryAgency.filter(s -> !s.isBlank());
        chosenCategory = chosenCategory == null ? Optional.empty() : chosenCategory.filter(s -> !s.isBlank());
        language = language == null ? "id" : language;
    }
}
