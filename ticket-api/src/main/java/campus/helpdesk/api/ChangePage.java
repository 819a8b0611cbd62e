package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of the change feed; pass {@code next} as {@code after} to continue. */
@Serdeable
public record ChangePage(List<ChangeEvent> events, String next) {
    /** The cursor before the first event ever written. */
    public static final String START = "0";
}
