package org.aduan.intake.submission;

import java.util.Optional;

import org.aduan.events.Location;
import org.aduan.events.identity.Reporter;

/** A validated complaint as the citizen sent it. */
record ComplaintRequest(
        String text,
        Optional<String> title,
        Optional<String> category,
        Location location,
        Reporter reporter,
        boolean anonymous,
        boolean confidential,
        String language,
        Optional<String> entryAgency) {
}
