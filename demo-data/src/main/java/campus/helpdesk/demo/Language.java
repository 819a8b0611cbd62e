package campus.helpdesk.demo;

/**
 * The five languages of the campus, with their share of tickets. A ticket row's search language is not taken from
 * here but guessed from its text, as ticket-service does (TicketText.language).
 */
enum Language {
    ENGLISH("en", 0.45),
    ITALIAN("it", 0.17),
    SPANISH("es", 0.13),
    GERMAN("de", 0.13),
    FRENCH("fr", 0.12);

    final String code;
    final double share;

    Language(String code, double share) {
        this.code = code;
        this.share = share;
    }
}
