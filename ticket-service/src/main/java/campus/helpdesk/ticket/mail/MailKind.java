package campus.helpdesk.ticket.mail;

/**
 * Why a reporter is told: staff answered in public, took the ticket on, or closed it; or a reply by mail reached a
 * ticket that is closed already (email intake), so it was not added. STAFF_MESSAGE is not a reporter's: someone
 * else wrote under a ticket assigned to the staff member it goes to.
 */
public enum MailKind {
    ANSWERED, TAKEN, CLOSED, REPLY_TO_CLOSED, STAFF_MESSAGE
}
