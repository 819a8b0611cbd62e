package campus.helpdesk.gateway.about;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One service as the About page shows it: its health now and, for signed-in people, where its documents are and
 * what the supervisor of {@code ./helpdesk up} says (state, restarts, up since), when one runs.
 */
@Serdeable
public record ServiceStatus(String name, String prefix, String health, @Nullable String url,
                            @Nullable String swaggerUi, @Nullable String healthUrl,
                            @Nullable Supervision.Process supervision) {
}
