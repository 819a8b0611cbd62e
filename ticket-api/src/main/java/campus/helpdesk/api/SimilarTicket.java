package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An open ticket that looks like the problem being typed: {@code followers} is how many people joined it,
 * {@code score} how alike it is (0 to 1, higher is closer), so the form can offer "this is my problem too".
 */
@Serdeable
public record SimilarTicket(long id, String title, int followers, double score) {
}
