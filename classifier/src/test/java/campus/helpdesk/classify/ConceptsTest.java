package campus.helpdesk.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            prufungsamt      | -
            stampante        | device
            bin              | -
            automatische     | -
            lehrstuhl        | -
            reserver         | -
            kartenterminal   | device
            sistemare        | -
            lampeggia        | -
            fila             | -
            schreibtisch     | state-of-place
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
    void aConceptMatchedTwiceInOneWordCountsOnce() {
        List<String> out = new ArrayList<>();
        // "Netzwerkkabel": a network ("fault") by its start and again by its head.
        Concepts.of("netzwerkkabel", out);
        assertThat(out).containsExactly("fault");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            device\ten\tprinter*  printer                         | empty or repeated entry
            device\ten\tprinter* printer*                         | empty or repeated entry
            device\ten\tpc*                                       | stem too short
            device\ten\t*tur                                      | head too short
            device\ten\tDrucker                                   | folded
            device\ten                                             | found 2 field(s)
            """)
    void aFaultyLexiconLineIsNamedWithItsLineNumber(String line, String message) {
        String text = "# a comment\n" + line + "\n"; // the text block has already made each \t a tab
        assertThatThrownBy(() -> Concepts.Lexicon.parse(new BufferedReader(new StringReader(text))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("concepts.tsv:2")
                .hasMessageContaining(message);
    }

    @Test
    void everyConceptHasWordsInFiveLanguages() {
        assertThat(Concepts.names()).containsExactly("device", "access", "fault", "fabric", "utilities", "state-of-place",
                "money", "time-and-rules", "people", "paperwork", "food", "lost-property", "temperature");
        assertThat(Concepts.languages()).allSatisfy((concept, languages) ->
                assertThat(languages).as(concept).containsExactlyInAnyOrder("en", "it", "es", "de", "fr"));
    }
}
