package org.aduan.routing.gazetteer;

/**
 * The citizen is abroad: the country named, and the words that said so.
 *
 * @param countryCode ISO 3166 alpha-2, lower case ({@code my})
 * @param countryName the country's Indonesian name
 * @param evidence    a sentence for the decision's reasons
 */
public record AbroadFinding(String countryCode, String countryName, String evidence) {
}
