package vn.thidua.gateway.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.logging.Logger;
import vn.thidua.platform.security.Roles;

/**
 * The first administrator of a new installation. There is no built-in account and no default
 * password: the operator names one through configuration (a Secret), or nobody can manage accounts.
 */
@ApplicationScoped
public class FirstAdmin {
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final AccountConfig config;
    private final AccountService accounts;

    public FirstAdmin(AccountConfig config, AccountService accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    void create(@Observes StartupEvent started) {
        if (accounts.anEnabledAdminExists()) {
            return;
        }
        if (config.firstAdminLogin().isEmpty() || config.firstAdminPassword().isEmpty()) {
            LOG.warn("No enabled administrator exists: set THIDUA_FIRST_ADMIN_LOGIN and THIDUA_FIRST_ADMIN_PASSWORD "
                    + "(from a Secret) and restart to create one");
            return;
        }
        String login = config.firstAdminLogin().get();
        accounts.createByAdmin(new AccountRequests.Create(login, null, AccountKind.USER, Set.of(Roles.ADMIN), null, null,
                config.firstAdminPassword().get()));
        LOG.infof("First administrator '%s' created; change its password and remove THIDUA_FIRST_ADMIN_PASSWORD", login);
    }
}
