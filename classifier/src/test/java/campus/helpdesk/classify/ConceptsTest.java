package campus.helpdesk.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which words carry a policy concept: whole words, stems at a word's start, German compound heads at its end. */
class ConceptsTest {

    // "luftungssystem" is the building's air, not a system to log in to: "system" is a stem, not a compound head.
    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            beamer           | device
            dozentenrechner  | device
            netzwerkdruckern | fault device
            zutrittsleser    | device
            funkmikro        | device
            campuslizenz     | access
            mailpasswort     | access
            hisinone         | access
            luftungssystem   | utilities
            tablett          | -
            logo             | -
            wasserhahn       | utilities
            rubinetto        | utilities
            steckdosen       | utilities
            fenetre          | fabric
            porta            | fabric
            portatil         | device
            window           | fabric
            windows          | -
            halterung        | fabric
            gebuhren         | money
            druckkosten      | money
            rimborso         | money
            maleducato       | people
            pruefungsamt     | -
            offnungszeiten   | time-and-rules
            scadenza         | time-and-rules
            geschlossen      | -
            tastatur         | device
            """)
    void recognisesWholeWordsStemsAndCompoundHeads(String word, String concept) {
        List<String> out = new ArrayList<>();
        Concepts.of(word, out);
        assertThat(out).isEqualTo(concept == null ? List.of() : List.of(concept.split(" ")));
    }

    @Test
    void aWordOfTwoKindsCarriesBothOnce() {
        List<String> out = new ArrayList<>();
        // "Netzwerkkabel": a network ("fault") by its start and its head, and nothing else.
        Concepts.of("netzwerkkabel", out);
        assertThat(out).containsExactly("fault");
    }

    @Test
    void everyConceptHasWordsInFiveLanguages() {
        assertThat(Concepts.names()).contains("device", "access", "fault", "fabric", "utilities", "state-of-place",
                "temperature", "money", "time-and-rules", "people", "paperwork", "food", "lost-property");
        assertThat(Concepts.languages()).allSatisfy((concept, languages) ->
                assertThat(languages).as(concept).containsExactlyInAnyOrder("en", "it", "es", "de", "fr"));
    }
}
