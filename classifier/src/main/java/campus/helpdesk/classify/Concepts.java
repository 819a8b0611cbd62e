package campus.helpdesk.classify;

import java.util.List;

/**
 * A few concepts of the desk's borderline policy, recognised by word stems in five languages, each added to a
 * ticket's features as one shared token. Words alone cannot learn that "projector", "Beamer" and "proiettore" are one
 * kind of thing, and with a few examples per device and language, the room or symptom words ("seminar room",
 * "switches off", "warm") outvote the device ("the projector in seminar room 4 switches off" came out FACILITY,
 * 0.96). A concept token is seen in every device ticket of every language, so its weight is learnt from all of them.
 * The model still weighs it: a projector's ceiling mount stays FACILITY by its other words.
 */
final class Concepts {

    /** Concept → word stems, matched at the start of a normalised word (lower case, accents folded). */
    private static final List<Concept> CONCEPTS = List.of(
            new Concept("device", List.of("projector", "projecter", "beamer", "proiettor", "videoproiet", "proyector", "projektor",
                    "projecteur", "videoprojecteur", "printer", "stampant", "impresora", "drucker", "imprimante",
                    "copier", "photocop", "fotocop", "kopierer", "monitor", "moniteur", "display", "bildschirm",
                    "schermo", "pantalla", "ecran", "screen", "pc", "pcs", "computer", "ordenador", "ordinateur",
                    "rechner", "laptop", "portatil", "portable", "notebook", "smartboard", "lim", "scanner",
                    "reader", "lettore", "lector", "kartenleser", "lesegerat", "lecteur", "badge", "speaker",
                    "loudspeaker", "altoparlant", "altavoz", "lautsprecher", "mic", "microphone", "microfono",
                    "mikrofon", "camera", "kamera", "webcam", "router", "kiosk", "terminal", "amplifier", "toner",
                    "keyboard", "tastatur", "tastiera", "teclado", "clavier", "mouse", "maus", "souris", "raton",
                    "headset", "kopfhorer", "cuffie", "auricular", "touchpanel", "touchscreen"),
                    List.of("drucker", "kopierer", "beamer", "projektor", "bildschirm", "monitor", "rechner",
                            "computer", "laptop", "leser", "lesegerat", "kamera", "mikrofon", "mikro",
                            "lautsprecher", "scanner", "terminal", "display")),
            new Concept("access", List.of("account", "login", "log", "password", "passwort", "contrasena", "mdp",
                    "portal", "portale", "portail", "licen", "lizenz", "software", "logiciel", "app", "apps",
                    "sistema", "system", "systeme", "online", "email", "mail", "credenzial", "credencial",
                    "anmeld", "einlogg", "connexion", "connecter", "accedere", "acceso", "zugang", "vpn", "wifi",
                    "wlan", "eduroam", "moodle", "hisinone", "campusnet", "esse3", "ent", "intranet", "authenticator",
                    "2fa", "mfa", "sso", "shibboleth", "utenza", "benutzerkont", "nutzerkont"),
                    List.of("portal", "passwort", "lizenz", "login", "software", "account")));

    /**
     * {@code heads}: German compounds put the device last ("Dozentenrechner", "Zutrittsleser", "Campuslizenz"), where a
     * stem matched at the start never sees it. A head counts at the end of a word, allowing two letters of inflection
     * ("Netzwerkdruckern"). An explicit list, not every stem: "system" ends "Lüftungssystem", which is the building's.
     */
    private record Concept(String name, List<String> stems, List<String> heads) {
    }

    private Concepts() {
    }

    private static boolean matches(String word, Concept concept) {
        for (String stem : concept.stems()) {
            // Stems of three letters or fewer ("pc", "app", "log") only as whole words: "application", "logo".
            if (word.startsWith(stem) && (stem.length() > 3 || word.length() == stem.length())) {
                return true;
            }
        }
        for (String head : concept.heads()) {
            int at = word.lastIndexOf(head);
            if (at > 0 && at + head.length() >= word.length() - 2) {
                return true;
            }
        }
        return false;
    }

    /** The concept names of one normalised word, usually none. */
    static void of(String word, List<String> out) {
        for (Concept concept : CONCEPTS) {
            if (matches(word, concept)) {
                out.add(concept.name());
            }
        }
    }
}
