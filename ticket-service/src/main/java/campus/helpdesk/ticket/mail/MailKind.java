package campus.helpdesk.ticket.mail;

/** Why a reporter is told: staff answered in public, took the ticket on, or closed it. */
public enum MailKind {
    ANSWERED, TAKEN, CLOSED
}
