package campus.helpdesk.ticket.mailintake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An HTML-only mail read as its words. */
class HtmlTextTest {

    @Test
    void stylesScriptsAndTheHeadAreDroppedBlocksAreLinesAndEntitiesTheirCharacters() {
        String html = "<html><head><title>T</title><style>body{color:red} .x{font-size:12px}</style></head><body>"
                + "<style>p.MsoNormal{margin:0cm}</style><div>Line one</div><div>Line two &eacute;t&eacute; "
                + "&quot;quoted&quot; &#39;s &#8364; &#x1F600;</div><script>alert(1)</script><p>Last<br>line</p>"
                + "<!-- a comment --></body></html>";
        assertThat(HtmlText.of(html)).isEqualTo("Line one\nLine two été \"quoted\" 's € 😀\nLast\nline");
    }

    @Test
    void unknownOrImpossibleEntitiesStayAsWritten() {
        assertThat(HtmlText.of("a &bogus; b &#0; c &#x110000; d &lt;tag&gt;")).isEqualTo("a &bogus; b &#0; c &#x110000; d <tag>");
    }

    @Test
    void quotedBlocksAreMarkedAsPlainTextMailMarksThem() {
        assertThat(HtmlText.of("<div>Fixed, thanks.</div><div>On Tue, Ada wrote:</div><blockquote><div>Your ticket"
                + "</div><div>is taken</div></blockquote>"))
                .isEqualTo("Fixed, thanks.\nOn Tue, Ada wrote:\n> Your ticket\n> is taken");
    }

    /** A hang guard, not a measure: with back-tracking patterns the first of these alone took minutes. */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void unclosedTagsByTheHundredThousandAreReadInOnePass() {
        assertThat(HtmlText.of("<style>".repeat(100_000))).isEmpty();
        assertThat(HtmlText.of("<".repeat(700_000))).hasSize(700_000);
        assertThat(HtmlText.of("<br".repeat(200_000))).startsWith("<br<br");
        assertThat(HtmlText.of("x<!--".repeat(150_000))).isEqualTo("x");
        assertThat(HtmlText.of("a &#x1D800; b")).isEqualTo("a \uD836\uDC00 b");
    }
}
