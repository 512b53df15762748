package org.aduan.events;

import java.util.Arrays;
import java.util.Optional;

/** The complaint categories of DESIGN.md: stable codes, labels in Indonesian and English. */
public enum Category {
    INFRASTRUKTUR("infrastruktur", "Infrastruktur (jalan, jembatan, drainase)", "Infrastructure (roads, bridges, drainage)"),
    KEBERSIHAN("kebersihan", "Kebersihan (sampah, sanitasi)", "Cleanliness (waste, sanitation)"),
    AIR("air", "Air bersih (PDAM)", "Piped water"),
    LISTRIK("listrik", "Listrik", "Electricity"),
    KESEHATAN("kesehatan", "Layanan kesehatan", "Health services"),
    JAMINAN_KESEHATAN("jaminan-kesehatan", "Jaminan kesehatan (BPJS)", "Health insurance (BPJS)"),
    PENDIDIKAN("pendidikan", "Pendidikan", "Education"),
    KEPENDUDUKAN("kependudukan", "Kependudukan (KTP, KK, akta)", "Civil registry (ID card, family card, records)"),
    BANSOS("bansos", "Bantuan sosial", "Social assistance"),
    LINGKUNGAN("lingkungan", "Lingkungan hidup", "Environment and pollution"),
    KETERTIBAN("ketertiban", "Ketertiban umum", "Public order"),
    TRANSPORTASI("transportasi", "Transportasi", "Traffic and public transport"),
    PERIZINAN("perizinan", "Perizinan", "Permits and licences"),
    IMIGRASI("imigrasi", "Imigrasi (paspor, visa)", "Immigration (passports, visas)"),
    PERLINDUNGAN_WNI("perlindungan-wni", "Perlindungan WNI di luar negeri", "Citizens abroad, migrant workers"),
    KORUPSI("korupsi", "Korupsi, pungli, penipuan oleh aparat", "Bribery, extortion, fraud by officials"),
    LAINNYA("lainnya", "Lainnya", "Other");

    public final String code;
    public final String labelId;
    public final String labelEn;

    Category(String code, String labelId, String labelEn) {
        this.code = code;
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    public static Optional<Category> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
