package campus.helpdesk.api;

/** Who chose the category: the classifier (AUTO) or a staff correction (STAFF). */
public enum CategorySource {
    AUTO, STAFF
}
