package org.aduan.routing.directory;

/** What kind of body an agency is; local governments are provinces and regencies/cities. */
public enum AgencyLevel {
    /** The national coordinator of complaint handling (LAPOR!: Kementerian PANRB): the top of escalation. */
    COORDINATOR,
    /** A ministry or national agency. */
    NATIONAL,
    /** A state-owned enterprise (PLN, KAI, Pertamina, BPJS, Pos Indonesia). */
    ENTERPRISE,
    /** A province's government. */
    PROVINCE,
    /** A regency's or city's government. */
    REGENCY,
    /** Indonesia's embassies and consulates in one country. */
    EMBASSY
}
