package campus.helpdesk.client;

import campus.helpdesk.api.ApiToken;
import campus.helpdesk.api.ApiTokenOperations;
import campus.helpdesk.api.TokenCheck;
import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.http.client.annotation.Client;

/**
 * Personal API tokens. Listing, issuing and revoking are done by a person ({@link OnBehalfOf#call}); only the
 * gateway verifies, as itself.
 */
@Client(id = TicketService.ID)
public interface ApiTokenClient extends ApiTokenOperations {

    @Override
    @SpeaksForItself(ServiceRoles.GATEWAY)
    ApiToken verify(TokenCheck check);
}
