package campus.helpdesk.ticket.classify;

import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.security.annotation.Secured;
import campus.helpdesk.api.Classification;
import campus.helpdesk.api.ClassifyOperations;
import campus.helpdesk.api.ClassifyRequest;
import campus.helpdesk.ticket.identity.Identity;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF})
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ClassifyController implements ClassifyOperations {

    private final CurrentClassifier classifier;
    private final Corrections corrections;

    public ClassifyController(CurrentClassifier classifier, Corrections corrections) {
        this.classifier = classifier;
        this.corrections = corrections;
    }

    @Override
    public Classification classify(ClassifyRequest request) {
        return classifier.classify(request.text());
    }

    /** Staff only: retrains the classifier with every stored category correction. */
    @Post("/api/classifier/retrain")
    public RetrainResult retrain() {
        Identity.current().requireStaff("retrain the classifier");
        CurrentClassifier.Model model = corrections.retrain();
        return new RetrainResult(model.corrections(), model.trainedAt());
    }

    @Serdeable
    public record RetrainResult(int corrections, Instant trainedAt) {
    }
}
