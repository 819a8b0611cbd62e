package campus.helpdesk.classify;

import campus.helpdesk.api.Category;

/** One training example: a ticket's text and its right category. */
public record LabelledText(Category category, String text) {
}
