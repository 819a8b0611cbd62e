package campus.helpdesk.ticket.classify;

import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.identity.Identity;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/** Staff's view of the classifier and their retrain button. */
@Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF})
@Controller("/api/classifier")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ClassifierController {

    private final Corrections corrections;

    public ClassifierController(Corrections corrections) {
        this.corrections = corrections;
    }

    /** The stored corrections, the model in use and its accuracy on the held-back corrections. */
    @Get
    public ClassifierStatus status() {
        Identity.current().requireStaff("see the classifier's figures");
        return corrections.status();
    }

    /**
     * Retrains with the stored corrections; 409 when the result would lower the accuracy on the held-back
     * corrections (the model in use stays), 422 while too few are stored to judge.
     */
    @Post("/retrain")
    public Retrain retrain() {
        Identity.current().requireStaff("retrain the classifier");
        return corrections.retrain();
    }
}
