package campus.helpdesk.ticket.intake;

import campus.helpdesk.api.Integration;
import campus.helpdesk.api.IntegrationOperations;
import campus.helpdesk.api.IssuedIntegration;
import campus.helpdesk.api.NewIntegration;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.token.ApiTokenController;
import campus.helpdesk.tokens.IntegrationInfo;
import campus.helpdesk.tokens.Integrations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.net.URI;
import java.util.List;

/** Staff's side of the integrations; the rules live in {@link Integrations}, beside the API tokens' ones. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(ServiceRoles.STAFF)
public class IntegrationController implements IntegrationOperations {

    private final Database db;

    public IntegrationController(Database db) {
        this.db = db;
    }

    @Override
    public List<Integration> integrations() {
        return db.autoCommit(Integrations::list).stream().map(IntegrationController::view).toList();
    }

    @Override
    public HttpResponse<campus.helpdesk.api.IssuedIntegration> create(NewIntegration request) {
        String by = Identity.current().user();
        var issued = ApiTokenController.refusing(db, c -> Integrations.create(c, request.name(), by));
        return HttpResponse.created(new IssuedIntegration(view(issued.info()), issued.secret()),
                URI.create("/api/integrations/" + issued.info().name()));
    }

    @Override
    public Integration revoke(String name) {
        String by = Identity.current().user();
        return view(ApiTokenController.refusing(db, c -> Integrations.revoke(c, name, by)));
    }

    private static Integration view(IntegrationInfo i) {
        return new Integration(i.name(), i.createdBy(), i.createdAt(), i.revokedAt(), i.isActive(),
                IntakeController.PATH_PREFIX + i.name());
    }
}
