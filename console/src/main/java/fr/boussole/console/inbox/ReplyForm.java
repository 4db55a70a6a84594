package fr.boussole.console.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person writes to a young person. At most 280 characters: with the first name before it
 * ("Camille : "), it fits two SMS, like every message the young person receives. {@code inputId} is drawn by the page when it is shown: posting the same form
 * twice sends the message once.
 */
record ReplyForm(@NotBlank @Size(max = 280) String text, @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{8,64}") String inputId) {

    static ReplyForm blank() {
        return new ReplyForm("", fr.boussole.core.ids.Ids.random("in"));
    }
}
