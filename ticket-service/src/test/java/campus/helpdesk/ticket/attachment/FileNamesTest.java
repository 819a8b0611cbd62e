package campus.helpdesk.ticket.attachment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void directionControlsAreDroppedSoANameCannotDisguiseItsExtension() {
        assertThat(FileNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.clean("a\u2067b\u2069\u202A.txt\u202C")).isEqualTo("ab.txt");
        assertThat(FileNames.clean("\u202E")).isEqualTo("attachment");
        assertThat(FileNames.clean("תמונה של המקרר.jpg")).isEqualTo("תמונה של המקרר.jpg");
    }

    @Test
    void aLongNameIsCutBetweenCharactersNotInsideOne() {
        String name = "a".repeat(FileNames.MAX_LENGTH - 1) + "\uD83D\uDCF7.jpg";
        assertThat(FileNames.clean(name)).isEqualTo("a".repeat(FileNames.MAX_LENGTH - 1));
        assertThat(FileNames.clean("C:\\fakepath\\photo.jpg")).isEqualTo("photo.jpg");
    }
}
