package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
public record NewMessage(@NotBlank @Size(max = 5_000) @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String body, @Nullable Boolean internal) {
    public boolean isInternal() {
        return Boolean.TRUE.equals(internal);
    }
}
