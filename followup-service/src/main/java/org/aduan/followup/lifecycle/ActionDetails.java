package org.aduan.followup.lifecycle;

import java.util.Optional;

/**
 * What an action carries besides its kind: a reason, a text, a rating, a suggested agency, an officer.
 * Validated by the REST layer; the lifecycle records what it is given.
 */
public record ActionDetails(Optional<String> reason, Optional<String> body, Optional<Integer> rating,
        Optional<String> suggestedAgencyId, Optional<String> officer) {

    public static ActionDetails none() {
        return new ActionDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public static ActionDetails reason(String reason) {
        return none().withReason(reason);
    }

    public static ActionDetails body(String body) {
        return new ActionDetails(Optional.empty(), Optional.of(body), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public ActionDetails withReason(String value) {
        return new ActionDetails(Optional.of(value), body, rating, suggestedAgencyId, officer);
    }

    public ActionDetails withBody(String value) {
        return new ActionDetails(reason, Optional.of(value), rating, suggestedAgencyId, officer);
    }

    public ActionDetails withRating(int value) {
        return new ActionDetails(reason, body, Optional.of(value), suggestedAgencyId, officer);
    }

    public ActionDetails withSuggestedAgency(Optional<String> value) {
        return new ActionDetails(reason, body, rating, value, officer);
    }

    public ActionDetails withOfficer(String value) {
        return new ActionDetails(reason, body, rating, suggestedAgencyId, Optional.of(value));
    }
}
