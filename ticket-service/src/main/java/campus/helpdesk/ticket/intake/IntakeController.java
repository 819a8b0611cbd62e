package campus.helpdesk.ticket.intake;

import campus.helpdesk.api.IntegrationOperations;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.HelpdeskProblem;
import campus.helpdesk.support.problem.ProblemResponses;
import campus.helpdesk.support.problem.StrictJson;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.idempotency.IdempotencyKeys;
import campus.helpdesk.ticket.lifecycle.TicketController;
import campus.helpdesk.ticket.lifecycle.TicketCreation;
import campus.helpdesk.ticket.problem.Problems;
import campus.helpdesk.tokens.Integrations;
import campus.helpdesk.tokens.WebhookSignature;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/**
 * The webhook intake: a campus system opens a ticket with a body signed by its integration's secret. The gateway
 * forwards it for anyone, byte for byte; the signature over those bytes is the only proof of the sender, checked
 * before anything reads the body. The ticket is then filed exactly like {@code POST /api/tickets} (same checks, same
 * classifier, same 400s), reported by the integration, and its {@code X-Delivery-Id} plays the Idempotency-Key.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(ServiceRoles.INTAKE)
public class IntakeController {

    static final String PATH_PREFIX = "/api/intake/";
    /**
     * One answer for an unknown, revoked or unsigned sender and a wrong signature: which one it was would tell a
     * prober which integration names exist.
     */
    private static final String REFUSED = "This delivery is not signed by a live integration: sign the raw body "
            + "with the integration's secret (" + WebhookSignature.HEADER + ": sha256=HEX)";

    private static final String NO_SECRET = "no live integration has this name";

    private final Database db;
    private final TicketCreation creation;
    private final JsonMapper json;
    private final Validator validator;

    public IntakeController(Database db, TicketCreation creation, JsonMapper json, Validator validator) {
        this.db = db;
        this.creation = creation;
        this.json = json;
        this.validator = validator;
    }

    @Post(value = PATH_PREFIX + "{integration}", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<Ticket> deliver(@PathVariable String integration, @Nullable @Body byte[] body,
                                        @Nullable @Header(WebhookSignature.HEADER) String signature,
                                        @Nullable @Header(IntegrationOperations.DELIVERY_ID) String deliveryId) {
        byte[] raw = body == null ? new byte[0] : body;
        String secret = db.autoCommit(c -> Integrations.secret(c, integration)).orElse(null);
        // An unknown name costs the same HMAC as a live one, so timing does not tell which names are live.
        boolean signed = WebhookSignature.verifies(secret == null ? NO_SECRET : secret, raw, signature);
        if (secret == null || !signed) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, REFUSED);
        }
        String delivery = deliveryId(deliveryId);
        Delivery parsed = parse(raw);
        TicketCreation.Created result = creation.create(new Identity(Role.STUDENT, integration), parsed.ticket(),
                new TicketCreation.Key(TicketCreation.KeyTable.INTAKE_DELIVERY, delivery, parsed.externalRef()));
        URI location = URI.create("/api/tickets/" + result.ticket().id());
        if (result.isNew()) {
            return HttpResponse.created(result.ticket(), location);
        }
        return HttpResponse.ok(result.ticket()).header(HttpHeaders.LOCATION, location.toString())
                .header(TicketController.REPLAYED_HEADER, "true");
    }

    private static String deliveryId(@Nullable String deliveryId) {
        if (deliveryId == null || deliveryId.isBlank()) {
            throw BadInput.problemWithDetail(IntegrationOperations.DELIVERY_ID, "Every delivery needs an "
                    + IntegrationOperations.DELIVERY_ID + " header: a retry with the same id gets the first ticket.");
        }
        String id = deliveryId.strip();
        if (id.length() > IdempotencyKeys.MAX_KEY_LENGTH) {
            throw BadInput.problemWithDetail(IntegrationOperations.DELIVERY_ID, "The "
                    + IntegrationOperations.DELIVERY_ID + " header can be at most " + IdempotencyKeys.MAX_KEY_LENGTH
                    + " characters long.");
        }
        return id;
    }

    /** The body as a ticket create reads it, plus the sender's reference; the same 400s for the same mistakes. */
    private Delivery parse(byte[] raw) {
        NewTicket ticket;
        ExternalRef ref;
        // The body is bytes (its signature is over them), so the filter that holds bound bodies to their types
        // does not see it: the same check here, so that a sender's ["HIGH"] or 2.9 is refused as at the API.
        StrictJson.Violation violation = StrictJson.check(Argument.of(NewTicket.class), raw);
        if (violation != null) {
            throw BadInput.problemWithDetail(violation.field(), violation.detail());
        }
        try {
            ticket = json.readValue(raw, NewTicket.class);
            JsonNode tree = json.readValue(raw, JsonNode.class);
            JsonNode given = tree == null || !tree.isObject() ? null : tree.get("externalRef");
            if (given != null && !given.isNull() && !given.isString()) {
                // Read leniently, [1] would become a reference; the sender should hear its value is wrong.
                throw BadInput.problemWithDetail("externalRef", "The externalRef must be text.");
            }
            String value = given == null || given.isNull() ? null : given.getStringValue();
            StrictJson.Violation broken = value == null ? null : StrictJson.brokenCharacter("externalRef", value);
            if (broken != null) {
                // Stored, it would read "a?b": another delivery's "a\udfffb" would then pass for its replay.
                throw BadInput.problemWithDetail(broken.field(), broken.detail());
            }
            ref = new ExternalRef(value);
        } catch (IOException | RuntimeException e) {
            if (e instanceof HelpdeskProblem problem) {
                throw problem;
            }
            // A value the reader refused ("priority": "URGENT") is named, as POST /api/tickets names it.
            if (e instanceof InvalidPropertyFormatException invalid) {
                String field = invalid.getArgument().getName();
                throw BadInput.problemWithDetail(field, field + ": " + ProblemResponses.readable(e.getMessage()));
            }
            throw BadInput.problemWithDetail("body", "The body must be a JSON object like the one of "
                    + "POST /api/tickets (title, description, optionally location, priority, category, externalRef).");
        }
        if (ticket == null) {
            throw BadInput.problemWithDetail("body", "The body must be a JSON object with a title and a description.");
        }
        Set<ConstraintViolation<?>> violations = new HashSet<>(validator.validate(ticket));
        violations.addAll(validator.validate(ref));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new Delivery(ticket, ref.externalRef());
    }

    private record Delivery(NewTicket ticket, @Nullable String externalRef) {
    }
}
