package campus.helpdesk.classify;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one way text is folded before words are compared, by the classifier and by the search for similar reports:
 * both must see "Bibliothèk" and "bibliothek", "Straße" and "strasse" as one word, or the two would disagree on what
 * a report says.
 */
public final class TextFolding {

    private TextFolding() {
    }

    /** Lower case, accents folded (é→e, ü→u, ß→ss), anything that is not a letter or digit becomes one space. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'ß') {
                out.append("ss");
                space = false;
            } else if (Character.isLetterOrDigit(c)) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }
}
