package vn.thidua.gateway.account;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.Set;

/** The bodies of the admin API. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /** A user brings the password an admin chose (to hand over); a service account's secret is generated. */
    /** {@code member}: awards-service's Council member id, exactly when {@code roles} has council-member. */
    public record Create(@Schema(required = true, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$", description = "Kept in lower case.") String login,
                         @Schema(maxLength = NewAccount.MAX_DISPLAY_NAME, description = "The login when left out.") String displayName,
                         @Schema(required = true) AccountKind kind,
                         @Schema(required = true, minItems = 1) Set<@Pattern(regexp = "^(admin|board|cluster-leader|unit-rep|portal|viewer|council-member)$") String> roles,
                         @Schema(maxLength = 35, pattern = "^[0-9A-Za-z][0-9A-Za-z.]{0,34}$",
                                 description = "The unit it acts for: required with cluster-leader or unit-rep, refused otherwise.") String unit,
                         @Schema(maxLength = NewAccount.MAX_MEMBER, pattern = "^[0-9A-Za-z-]+$",
                                 description = "awards-service's Council member id: required with council-member, refused otherwise.") String member,
                         @Schema(minLength = AccountService.MIN_PASSWORD_LENGTH, maxLength = Argon2id.MAX_SECRET_LENGTH, format = "password",
                                 description = "A user's password (required for USER, refused for SERVICE); it may not contain the login.") String password) {
    }

    /** Every field is the new state; the version is the one the admin saw (optimistic locking). */
    public record Update(@Schema(maxLength = NewAccount.MAX_DISPLAY_NAME) String displayName,
                         @Schema(minItems = 1) Set<@Pattern(regexp = "^(admin|board|cluster-leader|unit-rep|portal|viewer|council-member)$") String> roles,
                         @Schema(maxLength = 35, pattern = "^[0-9A-Za-z][0-9A-Za-z.]{0,34}$") String unit,
                         @Schema(maxLength = NewAccount.MAX_MEMBER, pattern = "^[0-9A-Za-z-]+$") String member, Boolean enabled,
                         @Schema(description = "The version the admin read: 409 when the account changed since.") Long version) {
    }

    public record SetPassword(@Schema(required = true, minLength = AccountService.MIN_PASSWORD_LENGTH, maxLength = Argon2id.MAX_SECRET_LENGTH,
                                      format = "password", description = "It may not contain the login.") String password) {
    }

    /** A service account's secret, shown once, when it is created or renewed. */
    public record IssuedSecret(@Schema(required = true) AccountView account,
                               @Schema(required = true, format = "password", description = "Shown this once: keep it.") String clientSecret) {
    }
}
