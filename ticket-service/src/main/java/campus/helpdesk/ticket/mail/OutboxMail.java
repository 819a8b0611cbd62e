package campus.helpdesk.ticket.mail;

/** One claimed outbox row, as the sender needs it; {@code attempts} counts this try. */
record OutboxMail(long id, long ticketId, String recipient, String messageId, String replyTo, String subject,
                  String text, String html, int attempts) {
}
