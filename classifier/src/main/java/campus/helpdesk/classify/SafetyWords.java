package campus.helpdesk.classify;

import campus.helpdesk.api.Priority;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Suggests HIGH priority when a ticket talks about a danger to people: fire, smoke, gas, flooding, injury or
 * someone trapped in a lift, in English, Italian, Spanish, German and French. A rule, not the model: a missed fire
 * costs far more than a false alarm, and the words are few and well known. Matching runs on the normalised text
 * (lower case, accents folded), on word starts, so "firewall" or "gastronomy" do not count.
 */
final class SafetyWords {

    /** Word stems that on their own mean danger. Each entry is a regex matched at a word boundary. */
    private static final List<String> DANGER = List.of(
            // fire, burning ("fire" as a word: not Firefox, firewall; "brand" not "brand new")
            "fires?\\b(?! ?wall)", "burning", "flames?\\b", "incendi", "fuoco", "fiamm", "bruciat", "fuego",
            "llamas\\b", "quemad", "feuer(?!wehrubung)", "brand(?!ing|ed\\b|s\\b| new| names?\\b|\\w*schutzubung)",
            "brennt", "verbrannt", "verschmort", "flamme", "incendie", "feux?\\b", "brule",
            // smoke
            "smok(?:e|ing)", "fumo\\b", "fumi\\b", "humo", "rauch", "qualm", "fumee",
            // gas
            "gas\\b", "gasgeruch", "gasleck", "gaz\\b",
            // flooding (not "flooding my inbox", "flooded with emails")
            "flood(?!\\w* (?:my|our|the) (?:inbox|mailbox))(?!\\w* with (?:e ?mails?|messages|spam|requests))",
            "allag", "inondaz", "inund", "uberschwemm", "ueberschwemm", "uberflut", "ueberflut", "unter wasser",
            "hochwasser", "inond",
            // injury, someone unwell
            "injur", "hurt", "bleeding", "wounded", "fainted", "unconscious", "ferit", "infortun", "fatto male",
            "sanguin", "sangue", "svenut", "herid", "lesion", "lastimad", "sangr", "desmay", "verletz", "blutet",
            "bewusstlos", "ohnmacht", "bless", "saign", "evanoui", "inconscient",
            // electric danger often reported together with the above
            "sparks", "scintill", "chispas", "funken", "etincelles", "electric shock", "scossa", "stromschlag",
            "descarga electrica", "decharge electrique");

    /** Someone trapped in a lift: a "trapped" word near a "lift" word (either order, a few words apart). */
    private static final String TRAPPED = "(?:trapped|stuck|locked in|intrappolat|bloccat[oaie]|chius[oaie] dentro"
            + "|atrapad|encerrad|atascad|eingeschlossen|eingesperrt|feststeck|steck|gefangen|coince|enferme|bloque)";
    private static final String LIFT = "(?:lift|elevator|ascensor|ascensore|aufzug|fahrstuhl|ascenseur)";
    private static final String PERSON = "(?:someone|somebody|people|person|student|i m|we re|we are|i am|qualcuno"
            + "|persone|persona|siamo|alguien|personas|estamos|estoy|jemand|personen|leute|wir|ich"
            + "|quelqu un|personnes|nous|je suis|sommes)";

    private static final Pattern DANGER_PATTERN = Pattern.compile("\\b(?:" + String.join("|", DANGER) + ")");
    private static final Pattern TRAPPED_IN_LIFT = Pattern.compile(
            "\\b" + TRAPPED + "\\w*(?: \\w+){0,4} " + LIFT + "|\\b" + LIFT + "\\w*(?: \\w+){0,4} " + TRAPPED);
    private static final Pattern ANY_LIFT = Pattern.compile("\\b" + LIFT);
    private static final Pattern SOMEONE = Pattern.compile("\\b" + PERSON + "\\b");

    private SafetyWords() {
    }

    /** HIGH when the text mentions a danger to people, otherwise null (no opinion: the reporter's choice stands). */
    static Priority suggest(String text) {
        String n = TextFeatures.normalise(text);
        if (DANGER_PATTERN.matcher(n).find()) {
            return Priority.HIGH;
        }
        // "lift stuck at floor 2" is a fault; "someone is stuck in the lift" is an emergency.
        if (ANY_LIFT.matcher(n).find() && TRAPPED_IN_LIFT.matcher(n).find() && SOMEONE.matcher(n).find()) {
            return Priority.HIGH;
        }
        return null;
    }
}
