package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * The classifier's answer: the category, its calibrated probability, the probability of each category, whether a
 * person should check it, and a priority suggestion (HIGH for safety words), or null when it has none.
 */
@Serdeable
public record Classification(Category category, double confidence, Map<Category, Double> scores,
                             boolean needsReview, @Nullable Priority suggestedPriority) {
}
