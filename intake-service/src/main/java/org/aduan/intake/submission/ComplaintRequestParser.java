package org.aduan.intake.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.aduan.events.Category;
import org.aduan.events.EventJson;
import org.aduan.events.GeoPoint;
import org.aduan.events.Location;
import org.aduan.events.identity.Reporter;
import org.aduan.intake.problem.Problem;
import org.aduan.intake.problem.Problem.FieldError;
import org.aduan.intake.problem.ProblemException;
import org.aduan.intake.region.RegionDirectory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Reads and validates the JSON of {@code POST /api/v1/complaints}, naming every wrong field at once,
 * in the language the client asked for.
 */
@ApplicationScoped
class ComplaintRequestParser {

    static final int MAX_TEXT = 10_000;
    static final int MAX_TITLE = 200;
    static final int MAX_SHORT = 500;
    private static final Pattern REGION = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern AGENCY = Pattern.compile("[a-z0-9][a-z0-9.-]{1,63}");

    private final RegionDirectory regions;

    ComplaintRequestParser(RegionDirectory regions) {
        this.regions = regions;
    }

    ComplaintRequest parse(String body, String uiLanguage) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : EventJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.of("malformed-json",
                    "id".equals(uiLanguage) ? "JSON tidak valid" : "Malformed JSON", Response.Status.BAD_REQUEST,
                    ("id".equals(uiLanguage) ? "Isi permintaan bukan JSON yang valid: " : "The request body is not valid JSON: ")
                            + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw invalid(uiLanguage, List.of(new FieldError("$", ValidationMessages.OBJECT.in(uiLanguage))));
        }
        Fields f = new Fields(root, uiLanguage);
        Optional<String> text = f.string("text", MAX_TEXT, true);
        Optional<String> title = f.string("title", MAX_TITLE, false);
        Optional<String> category = f.string("category", 40, false);
        category.ifPresent(c -> {
            if (Category.ofCode(c).isEmpty()) {
                f.error("category", ValidationMessages.UNKNOWN_CATEGORY);
            }
        });
        Location location = Location.none();
        JsonNode loc = root.get("location");
        if (loc != null && !loc.isNull()) {
            if (!loc.isObject()) {
                f.error("location", ValidationMessages.OBJECT);
            } else {
                Fields l = f.nested(loc, "location.");
                Optional<String> region = l.string("regionCode", 20, false);
                region.ifPresent(code -> {
                    if (!REGION.matcher(code).matches()) {
                        l.error("regionCode", ValidationMessages.REGION_FORMAT);
                    } else if (!regions.exists(code)) {
                        l.error("regionCode", ValidationMessages.UNKNOWN_REGION);
                    }
                });
                location = new Location(region, l.string("description", MAX_SHORT, false), l.point("point"));
            }
        }
        Reporter reporter = new Reporter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        JsonNode rep = root.get("reporter");
        if (rep != null && !rep.isNull()) {
            if (!rep.isObject()) {
                f.error("reporter", ValidationMessages.OBJECT);
            } else {
                Fields r = f.nested(rep, "reporter.");
                Optional<String> phone = r.string("phone", 30, false);
                phone.ifPresent(p -> {
                    if (!PHONE.matcher(p).matches()) {
                        r.error("phone", ValidationMessages.PHONE);
                    }
                });
                Optional<String> email = r.string("email", 254, false);
                email.ifPresent(e -> {
                    if (!EMAIL.matcher(e).matches()) {
                        r.error("email", ValidationMessages.EMAIL);
                    }
                });
                reporter = new Reporter(r.string("name", 120, false), phone, email, Optional.empty());
            }
        }
        boolean anonymous = f.bool("anonymous");
        boolean confidential = f.bool("confidential");
        String language = f.string("language", 5, false).orElse(uiLanguage);
        if (!language.equals("id") && !language.equals("en")) {
            f.error("language", ValidationMessages.LANGUAGE);
        }
        Optional<String> entryAgency = f.string("entryAgency", 64, false);
        entryAgency.ifPresent(a -> {
            if (!AGENCY.matcher(a).matches()) {
                f.error("entryAgency", ValidationMessages.AGENCY_ID);
            }
        });
        if (!f.errors.isEmpty()) {
            throw invalid(uiLanguage, f.errors);
        }
        return new ComplaintRequest(text.orElseThrow(), title, category, location, reporter, anonymous, confidential,
                language, entryAgency);
    }

    private static ProblemException invalid(String lang, List<FieldError> errors) {
        boolean id = "id".equals(lang);
        String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        return new ProblemException(new Problem(java.net.URI.create("https://aduan.org/problems/invalid-complaint"),
                id ? "Aduan tidak valid" : "Invalid complaint", 400,
                (id ? "Periksa kolom berikut: " : "Please check these fields: ") + fields, List.copyOf(errors)));
    }

    /** Typed access to the fields of one JSON object, collecting errors instead of failing fast. */
    private static final class Fields {
        final JsonNode node;
        final String lang;
        final String prefix;
        final List<FieldError> errors;

        Fields(JsonNode node, String lang) {
            this(node, lang, "", new ArrayList<>());
        }

        private Fields(JsonNode node, String lang, String prefix, List<FieldError> errors) {
            this.node = node;
            this.lang = lang;
            this.prefix = prefix;
            this.errors = errors;
        }

        Fields nested(JsonNode child, String childPrefix) {
            return new Fields(child, lang, prefix + childPrefix, errors);
        }

        void error(String field, ValidationMessages message, Object... args) {
            errors.add(new FieldError(prefix + field, message.in(lang, args)));
        }

        Optional<String> string(String field, int max, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    error(field, ValidationMessages.REQUIRED);
                }
                return Optional.empty();
            }
            if (!value.isTextual()) {
                error(field, ValidationMessages.STRING);
                return Optional.empty();
            }
            String text = value.asText().strip();
            if (text.isEmpty()) {
                if (required) {
                    error(field, ValidationMessages.NOT_BLANK);
                }
                return Optional.empty();
            }
            if (text.codePointCount(0, text.length()) > max) {
                error(field, ValidationMessages.TOO_LONG, max);
                return Optional.empty();
            }
            return Optional.of(text);
        }

        /** A point the citizen chose on a map: {@code {"latitude": -6.9, "longitude": 107.6}}. */
        Optional<GeoPoint> point(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isObject()) {
                error(field, ValidationMessages.OBJECT);
                return Optional.empty();
            }
            Optional<Double> latitude = coordinate(value, field + ".latitude", 90, ValidationMessages.LATITUDE);
            Optional<Double> longitude = coordinate(value, field + ".longitude", 180, ValidationMessages.LONGITUDE);
            if (latitude.isEmpty() || longitude.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new GeoPoint(latitude.get(), longitude.get()));
        }

        private Optional<Double> coordinate(JsonNode point, String path, double bound, ValidationMessages range) {
            JsonNode value = point.get(path.substring(path.lastIndexOf('.') + 1));
            if (value == null || value.isNull()) {
                error(path, ValidationMessages.REQUIRED);
                return Optional.empty();
            }
            if (!value.isNumber()) {
                error(path, ValidationMessages.NUMBER);
                return Optional.empty();
            }
            double d = value.doubleValue();
            if (!(d >= -bound && d <= bound)) {
                error(path, range);
                return Optional.empty();
            }
            return Optional.of(d);
        }

        boolean bool(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return false;
            }
            if (!value.isBoolean()) {
                error(field, ValidationMessages.BOOLEAN);
                return false;
            }
            return value.booleanValue();
        }
    }
}
