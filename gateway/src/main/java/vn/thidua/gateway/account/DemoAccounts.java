package vn.thidua.gateway.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Creates the configured demo accounts that do not exist yet; never changes an existing one. */
@ApplicationScoped
public class DemoAccounts {
    static final String DEMO_SECRET = "demo";
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    private final DemoConfig config;
    private final AccountService accounts;

    public DemoAccounts(DemoConfig config, AccountService accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    void seed(@Observes StartupEvent started) {
        List<DemoEntry> entries = new ArrayList<>();
        config.accounts().orElse(List.of()).stream().filter(e -> !e.isBlank()).map(DemoEntry::user).forEach(entries::add);
        config.clients().orElse(List.of()).stream().filter(e -> !e.isBlank()).map(DemoEntry::client).forEach(entries::add);
        for (DemoEntry entry : entries) {
            NewAccount account = entry.toNewAccount();
            if (accounts.createIfAbsent(account, DEMO_SECRET)) {
                LOG.warnf("Demo %s account '%s' (roles %s%s) created with the password '%s': for local use only",
                        entry.kind() == AccountKind.USER ? "user" : "service", account.login(), String.join("+", account.roles()),
                        (account.unit() == null ? "" : ", unit " + account.unit()) + (account.member() == null ? "" : ", member " + account.member()),
                        DEMO_SECRET);
            } else {
                LOG.infof("Demo account '%s' exists already; left unchanged", account.login());
            }
        }
    }
}
