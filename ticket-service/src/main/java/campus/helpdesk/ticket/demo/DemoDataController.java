package campus.helpdesk.ticket.demo;

import campus.helpdesk.support.identity.ServiceRoles;
import io.micronaut.security.annotation.Secured;
import campus.helpdesk.demo.SeedPlan;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/** Staff may fill the desk with realistic demo tickets, the same generator as {@code ./helpdesk seed}. */
@Secured({ServiceRoles.STAFF})
@Controller("/api/admin/demo-data")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DemoDataController {

    private final DemoDataJob job;

    public DemoDataController(DemoDataJob job) {
        this.job = job;
    }

    /** 202 with the running job's status; 409 when one runs already or the desk has tickets without append. */
    @Post
    public HttpResponse<DemoDataStatus> generate(@Body DemoDataRequest request) {
        int tickets = request.tickets() == null ? 1_000 : request.tickets();
        int months = request.months() == null ? 12 : request.months();
        if (tickets < 1 || tickets > SeedPlan.MAX_TICKETS) {
            throw Problems.badInput("tickets", "must be from 1 to " + SeedPlan.MAX_TICKETS);
        }
        if (months < 1 || months > SeedPlan.MAX_MONTHS) {
            throw Problems.badInput("months", "must be from 1 to " + SeedPlan.MAX_MONTHS);
        }
        DemoDataStatus started = job.start(SeedPlan.of(tickets, months), Boolean.TRUE.equals(request.append()),
                Identity.current().user());
        return HttpResponse.accepted().body(started);
    }

    @Get
    public DemoDataStatus status() {
        return job.status();
    }

    @Serdeable
    public record DemoDataRequest(@Nullable Integer tickets, @Nullable Integer months, @Nullable Boolean append) {
    }
}
