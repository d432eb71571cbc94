package app.bar.account;

import app.bar.crypto.MasterKeySeal;
import app.bar.crypto.RewrapParticipant;
import app.bar.crypto.SealedSecret;
import app.bar.crypto.SealedSecretBatches;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code rewrap} for TOTP secrets: each one not under the newest master key is opened and sealed
 * again under it, with a conditional update (safe next to a re-enrolment, and to run twice).
 */
@Component
class TotpSecretRewrap implements RewrapParticipant, SealedSecretBatches.Rows<SecondFactorRepository.TotpRow> {

    private final SecondFactorRepository factors;
    private final MasterKeySeal seal;

    TotpSecretRewrap(SecondFactorRepository factors, MasterKeySeal seal) {
        this.factors = factors;
        this.seal = seal;
    }

    @Override
    public String name() {
        return "totp_secrets";
    }

    @Override
    public Result rewrapAll() {
        return SealedSecretBatches.rewrap(seal.newestKid(), this, "totp_secret");
    }

    @Override
    public List<SecondFactorRepository.TotpRow> notUnder(String newestKid, int limit) {
        return factors.sealedNotUnder(newestKid, limit);
    }

    @Override
    public String key(SecondFactorRepository.TotpRow row) {
        return row.accountId();
    }

    @Override
    public Optional<SealedSecret> reseal(SecondFactorRepository.TotpRow row) {
        return seal.rewrap(SecondFactors.purpose(row.accountId()), row.sealed());
    }

    @Override
    public boolean update(SecondFactorRepository.TotpRow row, SealedSecret next) {
        return factors.updateSealed(row, next);
    }
}
