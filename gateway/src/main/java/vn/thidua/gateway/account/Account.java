package vn.thidua.gateway.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A user or a service account that may obtain tokens from the gateway. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Username of a person, client id of a service; becomes the token's {@code sub}. */
    @Column(nullable = false, unique = true, length = 64)
    public String login;

    @Column(name = "display_name", nullable = false, length = NewAccount.MAX_DISPLAY_NAME)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public AccountKind kind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", nullable = false, length = 40)
    public Set<String> roles = new HashSet<>();

    @Column(name = "unit_code", length = 35)
    public String unitCode;

    /** awards-service's id of the Council member this account is; only with role council-member. */
    @Column(name = "member_id", length = NewAccount.MAX_MEMBER)
    public String memberId;

    /** Argon2id in PHC format; never the secret itself. */
    @Column(name = "secret_hash", nullable = false, length = 255)
    public String secretHash;

    @Column(nullable = false)
    public boolean enabled;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected Account() {
    }

    static Account create(NewAccount request, String secretHash, Instant now) {
        Account account = new Account();
        account.login = request.login();
        account.displayName = request.displayName();
        account.kind = request.kind();
        account.roles = new HashSet<>(request.roles());
        account.unitCode = request.unit();
        account.memberId = request.member();
        account.secretHash = secretHash;
        account.enabled = true;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    static Optional<Account> findByLogin(String login) {
        return find("login", login).firstResultOptional();
    }

    AccountIdentity identity() {
        return new AccountIdentity(id, login, kind, roles, unitCode, memberId);
    }
}
