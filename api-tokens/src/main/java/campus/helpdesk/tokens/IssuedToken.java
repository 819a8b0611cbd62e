package campus.helpdesk.tokens;

/** A token just issued: the only time its secret value exists outside the caller's hands. */
public record IssuedToken(TokenInfo info, String token) {
}
