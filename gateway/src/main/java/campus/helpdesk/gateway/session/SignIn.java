package campus.helpdesk.gateway.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import campus.helpdesk.api.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/session}. */
@Serdeable
/** The role is text so that a wrong value gets a detail listing the right ones. */
public record SignIn(@NotBlank(message = "Please enter your name.")
                     @Pattern(regexp = Text.VISIBLE, message = "Please enter your name.")
                     @Pattern(regexp = Text.UP_TO + "80}", message = "Your name can be at most 80 characters.")
                     @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE)
                     @Pattern(regexp = Text.NAME, message = Text.NAME_MESSAGE) String name,
                     @NotBlank(message = "Please choose how you use the helpdesk.") String role,
                     @Nullable @Size(max = 200, message = "That staff code is not right.") String staffCode) {

    /**
     * The name composed and without unseen characters at its ends ({@link Text#name}) before it is validated:
     * composing can lengthen a name (some letters compose to two), and the 80 characters checked must be the 80 stored.
     */
    public SignIn {
        name = Text.name(name);
    }
}
