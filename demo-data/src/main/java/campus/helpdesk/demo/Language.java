package campus.helpdesk.demo;

/** The five languages of the campus, with their share of tickets and their PostgreSQL text-search configuration. */
enum Language {
    ENGLISH("en", "english", 0.45),
    ITALIAN("it", "italian", 0.17),
    SPANISH("es", "spanish", 0.13),
    GERMAN("de", "german", 0.13),
    FRENCH("fr", "french", 0.12);

    final String code;
    final String searchConfig;
    final double share;

    Language(String code, String searchConfig, double share) {
        this.code = code;
        this.searchConfig = searchConfig;
        this.share = share;
    }
}
