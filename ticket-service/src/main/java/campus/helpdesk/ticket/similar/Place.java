package campus.helpdesk.ticket.similar;

import java.util.HashSet;
import java.util.Set;

/**
 * Where a report says it is, as the words that tell one place from another: "Building B, room 12" and "Edificio B
 * aula 12" are both {b, 12}; "Library" and "Biblioteca" both the library concept. Words such as "building" or
 * "room" tell nothing apart and are left out.
 */
record Place(Set<String> marks) {

    private static final Set<String> GENERIC = Set.of("building", "bldg", "room", "floor", "edificio", "gebaude",
            "gebaeude", "batiment", "bat", "stanza", "raum", "salle", "sala", "aula", "piano", "etage", "stock",
            "planta", "hall", "the", "in", "at", "of", "di", "de", "del", "der", "die", "das", "la", "le", "el");

    static Place of(String location, Lexicon lexicon) {
        Set<String> marks = new HashSet<>();
        if (location != null) {
            String folded = Lexicon.fold(location);
            for (String word : folded.isEmpty() ? new String[0] : folded.split(" ")) {
                if (GENERIC.contains(word)) {
                    continue;
                }
                Set<Lexicon.Concept> concepts = word.length() > 3 ? lexicon.conceptsOf(word) : Set.of();
                if (concepts.isEmpty()) {
                    marks.add(word);
                } else {
                    concepts.forEach(c -> marks.add("#" + c.name()));
                }
            }
        }
        return new Place(Set.copyOf(marks));
    }

    boolean isKnown() {
        return !marks.isEmpty();
    }

    /** Both places known: +1 when they share a mark, -1 when they share none; 0 when either is unknown. */
    int agreement(Place other) {
        if (!isKnown() || !other.isKnown()) {
            return 0;
        }
        for (String mark : marks) {
            if (other.marks.contains(mark)) {
                return 1;
            }
        }
        return -1;
    }
}
