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
        String name = "a".repeat(FileNames.MAX_LENGTH - 5) + "\uD83D\uDCF7" + "b".repeat(20) + ".jpg";
        assertThat(FileNames.clean(name)).isEqualTo("a".repeat(FileNames.MAX_LENGTH - 5) + ".jpg");
        assertThat(FileNames.clean("C:\\fakepath\\photo.jpg")).isEqualTo("photo.jpg");
    }

    @Test
    void aLongNameKeepsItsExtension() {
        String cut = FileNames.clean("Minutes of the committee ".repeat(20) + "2026.pdf");
        assertThat(cut).hasSize(FileNames.MAX_LENGTH).startsWith("Minutes of the committee").endsWith(".pdf");
        String noExtension = "x".repeat(300) + ".a-part-far-too-long-to-be-an-extension";
        assertThat(FileNames.clean(noExtension)).isEqualTo(noExtension.substring(0, FileNames.MAX_LENGTH));
        assertThat(FileNames.clean("." + "x".repeat(300))).hasSize(FileNames.MAX_LENGTH);
    }
}
