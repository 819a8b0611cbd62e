package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * The classifier's answer: the category, its calibrated probability (never 1: see the classifier's README), the
 * probability of each category, whether a person should check it, a priority suggestion (HIGH for safety words) or
 * null, and how sure that is in words ({@link Certainty}). When the text matches no category well the answer still
 * names the likeliest category, with NOT_SURE and needsReview, so a ticket always has a queue and the desk checks it.
 */
@Serdeable
public record Classification(Category category, double confidence, Map<Category, Double> scores,
                             boolean needsReview, @Nullable Priority suggestedPriority,
                             @Nullable Certainty certainty) {

    /** The certainty that the confidence and review flag amount to ({@link Certainty#of}). */
    public Classification(Category category, double confidence, Map<Category, Double> scores, boolean needsReview,
                          @Nullable Priority suggestedPriority) {
        this(category, confidence, scores, needsReview, suggestedPriority, Certainty.of(confidence, needsReview));
    }
}
