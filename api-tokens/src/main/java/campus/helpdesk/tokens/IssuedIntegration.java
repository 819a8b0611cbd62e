package campus.helpdesk.tokens;

/** An integration just created: the only time its secret is handed to a person. */
public record IssuedIntegration(IntegrationInfo info, String secret) {
}
