package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.StaffNotificationSetting;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.identity.Identity;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;

/**
 * A staff member's own mail setting. There is no name in the path: the caller's signed identity is the only
 * name this reads or writes, so nobody can set where someone else's mail goes. Under {@code /api/tickets} because
 * that is the route staff already reach ticket-service by.
 */
@Controller("/api/tickets/notifications/me")
@Secured(ServiceRoles.STAFF)
@ExecuteOn(TaskExecutors.BLOCKING)
public class StaffNotificationController {

    private final StaffSettings settings;

    public StaffNotificationController(StaffSettings settings) {
        this.settings = settings;
    }

    @Get
    public StaffNotificationSetting mine() {
        return settings.of(Identity.current().user());
    }

    @Put
    public StaffNotificationSetting save(@Body @Valid StaffNotificationSetting setting) {
        return settings.save(Identity.current().user(), setting);
    }
}
