package campus.helpdesk.lifecycle;

import campus.helpdesk.lifecycle.language.LanguageGuesser;

/** A ticket's free text as the rules see it. */
public final class TicketText {

    private TicketText() {
    }

    /** The text the classifier and the search see. */
    public static String of(String title, String description) {
        return title + "\n" + description;
    }

    /** A location as stored: trimmed, and blank means none. */
    public static String location(String location) {
        return location == null || location.isBlank() ? null : location.strip();
    }

    /**
     * The text-search configuration a ticket row with this text is stemmed with (the tickets table's language
     * column). Derived from the text alone, so every writer of the row recomputes it rather than carry it.
     */
    public static String language(String title, String description) {
        return LanguageGuesser.guess(of(title, description));
    }
}
