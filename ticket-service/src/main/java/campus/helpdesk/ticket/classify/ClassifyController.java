package campus.helpdesk.ticket.classify;

import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.security.annotation.Secured;
import campus.helpdesk.api.Classification;
import campus.helpdesk.api.ClassifyOperations;
import campus.helpdesk.api.ClassifyRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

@Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF})
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ClassifyController implements ClassifyOperations {

    private final CurrentClassifier classifier;

    public ClassifyController(CurrentClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public Classification classify(ClassifyRequest request) {
        return classifier.classify(request.text());
    }
}
