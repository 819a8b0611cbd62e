package campus.helpdesk.ticket.classify;

import campus.helpdesk.api.Category;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.sql.ColumnTransformer;

import java.time.Instant;

/**
 * A row of {@code category_correction}: the text staff judged, the category the classifier had given and the one
 * staff chose. {@code id} and {@code at} are the database's (sequence, now() of the transaction).
 */
@MappedEntity("category_correction")
record CategoryCorrection(@Id @GeneratedValue @Nullable Long id, long ticketId, String text,
                          // The columns are the PostgreSQL enum ticket_category, which takes no varchar unconverted.
                          @ColumnTransformer(write = "?::ticket_category") Category predicted,
                          @ColumnTransformer(write = "?::ticket_category") Category corrected,
                          String actor, @GeneratedValue @Nullable Instant at) {

    static CategoryCorrection of(long ticketId, String text, Category predicted, Category corrected, String actor) {
        return new CategoryCorrection(null, ticketId, text, predicted, corrected, actor, null);
    }
}
