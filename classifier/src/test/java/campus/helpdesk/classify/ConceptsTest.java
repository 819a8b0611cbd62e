package campus.helpdesk.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which words carry a policy concept: stems at a word's start, German compound heads at its end. */
class ConceptsTest {

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            beamer           | device
            dozentenrechner  | device
            netzwerkdruckern | device
            zutrittsleser    | device
            funkmikro        | device
            campuslizenz     | access
            mailpasswort     | access
            hisinone         | access
            luftungssystem   | -
            tablett          | -
            logo             | -
            netzwerkdruckerhalterung | -
            """)
    void recognisesStemsAndCompoundHeads(String word, String concept) {
        List<String> out = new ArrayList<>();
        Concepts.of(word, out);
        assertThat(out).isEqualTo(concept == null ? List.of() : List.of(concept));
    }
}
