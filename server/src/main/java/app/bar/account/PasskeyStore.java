package app.bar.account;

import app.bar.platform.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

/**
 * Spring Security's store of WebAuthn credentials over BAR's table {@code passkeys}, binary values
 * as base64url text so one schema runs on H2 and PostgreSQL (Spring's own
 * {@code JdbcUserCredentialRepository} needs BLOB columns). The user handles are {@link PasskeyUsers}'.
 */
@Repository
class PasskeyStore implements UserCredentialRepository {

    private final JdbcClient jdbc;
    private final PasskeyUsers users;

    PasskeyStore(JdbcClient jdbc, PasskeyUsers users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** A passkey as the security page lists it. */
    record PasskeyRow(String credentialId, String label, Instant createdAt, Instant lastUsedAt) {
    }

    // ---- credentials ---------------------------------------------------------------------

    /** Stores a new credential, or the new signature count and use time of a known one. */
    @Override
    public void save(CredentialRecord record) {
        String id = record.getCredentialId().toBase64UrlString();
        int updated = jdbc.sql("""
                update passkeys set signature_count = :count, uv_initialized = :uv, backup_state = :backup,
                    last_used_at = :used
                where credential_id = :id""")
                .param("count", record.getSignatureCount()).param("uv", record.isUvInitialized())
                .param("backup", record.isBackupState()).param("used", SqlTime.of(record.getLastUsed()))
                .param("id", id).update();
        if (updated == 1) {
            return;
        }
        PublicKeyCredentialType type = record.getCredentialType();
        String accountId = users.accountOf(record.getUserEntityUserId())
                .orElseThrow(() -> new IllegalStateException("a passkey belongs to a known user handle"));
        jdbc.sql("""
                insert into passkeys (credential_id, account_id, label, public_key, signature_count, uv_initialized,
                    backup_eligible, backup_state, transports, credential_type, attestation_object, client_data_json,
                    created_at, last_used_at)
                values (:id, :account, :label, :key, :count, :uv, :eligible, :backup, :transports, :type, :attestation,
                    :clientData, :created, :used)""")
                .param("id", id).param("account", accountId).param("label", record.getLabel())
                .param("key", new Bytes(record.getPublicKey().getBytes()).toBase64UrlString())
                .param("count", record.getSignatureCount()).param("uv", record.isUvInitialized())
                .param("eligible", record.isBackupEligible()).param("backup", record.isBackupState())
                .param("transports", record.getTransports().stream().map(AuthenticatorTransport::getValue)
                        .collect(Collectors.joining(",")))
                .param("type", type == null ? PublicKeyCredentialType.PUBLIC_KEY.getValue() : type.getValue())
                .param("attestation", base64(record.getAttestationObject()))
                .param("clientData", base64(record.getAttestationClientDataJSON()))
                .param("created", SqlTime.of(record.getCreated())).param("used", SqlTime.of(record.getLastUsed()))
                .update();
    }

    @Override
    public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
        return jdbc.sql("select p.*, u.user_handle from passkeys p join passkey_users u on u.account_id = p.account_id"
                        + " where p.credential_id = :id")
                .param("id", credentialId.toBase64UrlString()).query(PasskeyStore::record).optional().orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return jdbc.sql("select p.*, u.user_handle from passkeys p join passkey_users u on u.account_id = p.account_id"
                        + " where u.user_handle = :handle order by p.created_at")
                .param("handle", userId.toBase64UrlString()).query(PasskeyStore::record).list();
    }

    @Override
    public void delete(Bytes credentialId) {
        jdbc.sql("delete from passkeys where credential_id = :id").param("id", credentialId.toBase64UrlString()).update();
    }

    List<PasskeyRow> list(String accountId) {
        return jdbc.sql("""
                select credential_id, label, created_at, last_used_at from passkeys where account_id = :id
                order by created_at, credential_id""")
                .param("id", accountId)
                .query((rs, i) -> new PasskeyRow(rs.getString("credential_id"), rs.getString("label"),
                        SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "last_used_at")))
                .list();
    }

    /** Removes one of the account's passkeys; false when it has none with that id. */
    boolean remove(String accountId, String credentialId) {
        return jdbc.sql("delete from passkeys where credential_id = :id and account_id = :account")
                .param("id", credentialId).param("account", accountId).update() == 1;
    }

    private static @Nullable String base64(@Nullable Bytes bytes) {
        return bytes == null ? null : bytes.toBase64UrlString();
    }

    private static CredentialRecord record(ResultSet rs, int row) throws SQLException {
        Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
        Arrays.stream(rs.getString("transports").split(",")).filter(t -> !t.isBlank())
                .forEach(t -> transports.add(AuthenticatorTransport.valueOf(t)));
        String attestation = rs.getString("attestation_object");
        String clientData = rs.getString("client_data_json");
        return ImmutableCredentialRecord.builder()
                .credentialId(Bytes.fromBase64(rs.getString("credential_id")))
                .userEntityUserId(Bytes.fromBase64(rs.getString("user_handle")))
                .label(rs.getString("label"))
                .publicKey(ImmutablePublicKeyCose.fromBase64(rs.getString("public_key")))
                .signatureCount(rs.getLong("signature_count"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .transports(transports)
                .credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
                .attestationObject(attestation == null ? null : Bytes.fromBase64(attestation))
                .attestationClientDataJSON(clientData == null ? null : Bytes.fromBase64(clientData))
                .created(SqlTime.instant(rs, "created_at"))
                .lastUsed(SqlTime.instant(rs, "last_used_at"))
                .build();
    }
}
