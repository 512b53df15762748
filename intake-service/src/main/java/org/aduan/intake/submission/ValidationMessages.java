package org.aduan.intake.submission;

import java.util.Map;

/** What a citizen reads when a field is wrong, in Indonesian and English. */
enum ValidationMessages {
    REQUIRED("wajib diisi", "is required"),
    NOT_BLANK("tidak boleh kosong", "must not be empty"),
    STRING("harus berupa teks", "must be a string"),
    BOOLEAN("harus true atau false", "must be true or false"),
    OBJECT("harus berupa objek JSON", "must be a JSON object"),
    TOO_LONG("terlalu panjang (maksimal %d karakter)", "is too long (at most %d characters)"),
    UNKNOWN_CATEGORY("kategori tidak dikenal", "is not a known category"),
    REGION_FORMAT("harus berupa kode wilayah Kemendagri, mis. 32.73", "must be a Kemendagri region code, e.g. 32.73"),
    UNKNOWN_REGION("kode wilayah tidak ditemukan", "is not a known region code"),
    LANGUAGE("harus 'id' atau 'en'", "must be 'id' or 'en'"),
    PHONE("bukan nomor telepon yang valid", "is not a valid phone number"),
    EMAIL("bukan alamat e-mail yang valid", "is not a valid e-mail address"),
    AGENCY_ID("bukan kode instansi yang valid", "is not a valid agency id"),
    NUMBER("harus berupa angka", "must be a number"),
    LATITUDE("harus antara -90 dan 90", "must be between -90 and 90"),
    LONGITUDE("harus antara -180 dan 180", "must be between -180 and 180");

    private final Map<String, String> byLanguage;

    ValidationMessages(String id, String en) {
        this.byLanguage = Map.of("id", id, "en", en);
    }

    String in(String language, Object... args) {
        return String.format(byLanguage.getOrDefault(language, byLanguage.get("en")), args);
    }
}
