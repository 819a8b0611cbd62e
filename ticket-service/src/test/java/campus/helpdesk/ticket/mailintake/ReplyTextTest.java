package campus.helpdesk.ticket.mailintake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What is kept of a reply: the person's words, not the quoted notification nor the signature, in five languages. */
class ReplyTextTest {

    @Test
    void quotedHistoryAndSignaturesAreCutInEveryLanguage() {
        String[] replies = {
            "Works now.\n\nOn Tue, 1 Dec 2026 at 10:00, Campus Helpdesk <helpdesk@campus.test> wrote:\n> Your ticket",
            "Works now.\nOn Tue, 1 Dec 2026 at 10:00, Campus Helpdesk\n<helpdesk@campus.test> wrote:\n> Your ticket",
            "Works now.\n\nIl giorno mar 1 dic 2026, Campus Helpdesk ha scritto:\n> La tua segnalazione",
            "Works now.\n\nEl mar, 1 dic 2026, Campus Helpdesk escribió:\n> Tu incidencia",
            "Works now.\n\nAm Di., 1. Dez. 2026 um 10:00 schrieb Campus Helpdesk:\n> Ihre Meldung",
            "Works now.\n\nLe mar. 1 déc. 2026 à 10:00, Campus Helpdesk a écrit :\n> Votre signalement",
            "Works now.\n\n-----Original Message-----\nFrom: helpdesk@campus.test\nYour ticket",
            "Works now.\n\n-----Messaggio originale-----\nDa: helpdesk@campus.test\n",
            "Works now.\n\n-----Ursprüngliche Nachricht-----\nVon: helpdesk@campus.test\n",
            "Works now.\n\n-- \nAda Lovelace\nStudent, Computer Science",
            "Works now.\r\n\r\n> quoted only\r\n",
            "Works now.\n\nLe mar. 1 déc. 2026 à 10:00, Campus Helpdesk a écrit\u00a0:\n> Votre signalement",
            "Works now.\n\nFrom: Campus Helpdesk\nSent: Tuesday, 1 December 2026 10:00\nTo: Ada\nYour ticket",
            "Works now.\nOn Tue, 1 Dec 2026, Campus Helpdesk wrote:\nYour ticket is taken.\n\nThis mail was scanned.",
            "Works now.\n\nDa: Campus Helpdesk\nInviato: martedì 1 dicembre 2026 10:00\nLa tua segnalazione",
        };
        for (String reply : replies) {
            assertThat(ReplyText.cut(reply)).as(reply).isEqualTo("Works now.");
        }
    }

    @Test
    void aReplyWithoutHistoryIsKeptWhole() {
        assertThat(ReplyText.cut("Still broken.\nOn the second floor it works, though.\nThanks"))
                .isEqualTo("Still broken.\nOn the second floor it works, though.\nThanks");
    }

    @Test
    void wordsWrittenBelowOrBetweenTheQuotesKeepTheWholeReply() {
        String bottom = "On Tue, 1 Dec 2026, Campus Helpdesk wrote:\n> Did you restart it?\n\nYes, the printer now "
                + "shows error E42.\n-- \nAda";
        assertThat(ReplyText.cut(bottom)).isEqualTo("On Tue, 1 Dec 2026, Campus Helpdesk wrote:\n> Did you restart "
                + "it?\n\nYes, the printer now shows error E42.");
        String inline = "> did you try another cable?\nYes I did, twice.\n> and another socket?\nNo, I will.";
        assertThat(ReplyText.cut(inline)).isEqualTo(inline);
        String quotedOnly = "On Tue, 1 Dec 2026, Campus Helpdesk wrote:\n> Your ticket is being handled";
        assertThat(ReplyText.cut(quotedOnly)).as("nothing of the person's: an empty reply").isEmpty();
    }

    @Test
    void aPersonsOwnFromLineAndDashesInTheMiddleAreTheirText() {
        String from = "From: the lab next door (bob@uni.test) I heard the same.\nIt is the switch in B2.";
        assertThat(ReplyText.cut(from)).isEqualTo(from);
        String steps = "Steps I tried:\n--\n1. restart\n2. another cable\n3. another socket\n4. another room\n"
                + "5. another laptop\n6. nothing helps\n7. help";
        assertThat(ReplyText.cut(steps)).isEqualTo(steps);
        assertThat(ReplyText.cut("Works now.\n--\nAda")).isEqualTo("Works now.");
        String hours = "Open hours of the lab:\nDa: 10:00\nA: 12:00";
        assertThat(ReplyText.cut(hours)).isEqualTo(hours);
    }
}
