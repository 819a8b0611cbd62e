package campus.helpdesk.api;

/**
 * Who chose the category: the classifier (AUTO), the reporter overriding the suggestion when filing (REPORTER), or
 * a staff correction (STAFF).
 */
public enum CategorySource {
    AUTO, REPORTER, STAFF
}
