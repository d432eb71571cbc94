package app.bar.account;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;

/**
 * Spring Security's store of WebAuthn user entities over BAR's table {@code passkey_users}. A
 * "username" in Spring's sense is the BAR account id; the WebAuthn user handle is 32 random bytes
 * per account (base64url), never its id or email, and the name an authenticator shows is the
 * account's email.
 */
@Repository
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private final JdbcClient jdbc;
    private final AccountRepository accounts;

    PasskeyUsers(JdbcClient jdbc, AccountRepository accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** The account of a WebAuthn user handle. */
    Optional<String> accountOf(Bytes userHandle) {
        return jdbc.sql("select account_id from passkey_users where user_handle = :handle")
                .param("handle", userHandle.toBase64UrlString()).query(String.class).optional();
    }

    @Override
    public @Nullable PublicKeyCredentialUserEntity findById(Bytes id) {
        return accountOf(id).map(this::findByUsername).orElse(null);
    }

    /** The account's user entity, made (with a new random handle) the first time it is asked for. */
    @Override
    public @Nullable PublicKeyCredentialUserEntity findByUsername(String accountId) {
        Account account = accounts.findById(accountId).filter(a -> a.state() == AccountState.ACTIVE).orElse(null);
        if (account == null) {
            return null;
        }
        String handle = jdbc.sql("select user_handle from passkey_users where account_id = :id").param("id", accountId)
                .query(String.class).optional().orElse(null);
        if (handle == null) {
            handle = Bytes.random().toBase64UrlString();
            jdbc.sql("insert into passkey_users (account_id, user_handle) values (:id, :handle)")
                    .param("id", accountId).param("handle", handle).update();
        }
        return ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.fromBase64(handle)).name(account.email())
                .displayName(account.displayName() == null ? account.email() : account.displayName()).build();
    }

    /** Entities are made by {@link #findByUsername}; Spring's operations never need to save another. */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        if (accountOf(userEntity.getId()).isEmpty()) {
            throw new IllegalStateException("a WebAuthn user entity belongs to an account");
        }
    }

    @Override
    public void delete(Bytes id) {
        jdbc.sql("delete from passkey_users where user_handle = :handle").param("handle", id.toBase64UrlString()).update();
    }
}
