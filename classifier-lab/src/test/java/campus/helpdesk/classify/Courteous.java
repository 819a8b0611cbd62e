package campus.helpdesk.classify;

import java.util.List;
import java.util.Map;

/**
 * A report as people write to a desk, in its language: a greeting before it, thanks and a sign-off after it, the
 * forms taken in turn so that every report meets several. Written from how letters and mails open and close in each
 * language, not from the classifier's word list.
 */
final class Courteous {

    private record Forms(List<String> openings, List<String> closings) {
    }

    private static final Map<String, Forms> FORMS = Map.of(
            "en", new Forms(List.of("Dear helpdesk,", "Hello, I hope you are well.", "Hi team,",
                    "Good morning,"),
                    List.of("Thank you very much in advance for your help. Best regards, Maria",
                            "Thanks a lot! Kind regards, Tom", "Many thanks, cheers", "Sincerely, A. Student")),
            "it", new Forms(List.of("Gentile helpdesk,", "Buongiorno,", "Salve, spero stiate bene.", "Ciao,"),
                    List.of("Grazie mille in anticipo per l'aiuto. Cordiali saluti, Giulia",
                            "Vi ringrazio per l'attenzione. Distinti saluti", "Grazie, saluti", "Buona giornata, Marco")),
            "es", new Forms(List.of("Estimado equipo de soporte:", "Hola, buenos días.", "Buenas tardes,",
                    "Hola,"),
                    List.of("Muchas gracias de antemano por su ayuda. Un saludo, Lucía",
                            "Quedo atento a su respuesta. Atentamente, Pablo", "Gracias, saludos",
                            "Un cordial saludo")),
            "de", new Forms(List.of("Sehr geehrte Damen und Herren,", "Hallo liebes Helpdesk-Team,", "Guten Tag,",
                    "Hallo,"),
                    List.of("Vielen Dank im Voraus für Ihre Hilfe. Mit freundlichen Grüßen, Anna",
                            "Danke und viele Grüße, Jonas", "Beste Grüße", "Vielen Dank! LG")),
            "fr", new Forms(List.of("Bonjour,", "Madame, Monsieur,", "Bonjour à toute l'équipe,", "Salut,"),
                    List.of("Merci beaucoup d'avance pour votre aide. Cordialement, Camille",
                            "Je vous remercie par avance. Bien à vous, Hugo", "Merci, bonne journée",
                            "Veuillez agréer mes salutations distinguées.")));

    private Courteous() {
    }

    /** {@code text} with the {@code i}-th greeting and sign-off of {@code language} around it. */
    static String wrap(String language, String text, int i) {
        Forms forms = FORMS.get(language);
        return forms.openings().get(i % forms.openings().size()) + " " + text + " "
                + forms.closings().get((i / forms.openings().size()) % forms.closings().size());
    }
}
