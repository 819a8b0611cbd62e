package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;

/** A ticket against its two response targets (service-levels' {@code ServiceLevels} decides them). */
@Serdeable
public record ServiceLevel(SlaStatus firstResponse, SlaStatus resolution) {
}
