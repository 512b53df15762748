package org.aduan.routing.directory;

import java.util.List;
import java.util.Optional;

/**
 * One agency of the directory, as routing uses it.
 *
 * @param id         stable id: {@code pemda-32.73}, {@code pln}, {@code perwakilan-my}
 * @param nameId     name in Indonesian
 * @param nameEn     name in English
 * @param level      what kind of body it is
 * @param regionCode for a local government, its Kemendagri region
 * @param parentId   where escalation goes: regency → province → national coordinator
 * @param categories the categories it handles
 * @param autonomous false for a local administration that does not act on its own (Jakarta's
 *                   administrative cities: their complaints go to the province)
 * @param active     an inactive agency is never chosen
 */
public record AgencyInfo(String id, String nameId, String nameEn, AgencyLevel level, Optional<String> regionCode,
        Optional<String> parentId, List<String> categories, boolean autonomous, boolean active) {

    public AgencyInfo {
        regionCode = regionCode == null ? Optional.empty() : regionCode;
        parentId = parentId == null ? Optional.empty() : parentId;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
