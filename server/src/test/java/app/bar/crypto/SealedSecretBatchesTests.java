package app.bar.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rewrap loop every participant (webhook secrets, TOTP secrets) runs over its rows. */
class SealedSecretBatchesTests {

    private static final byte[] SECRET = "a small secret".getBytes(StandardCharsets.US_ASCII);

    /** Rows in memory, keyed by name; a row named "broken" holds a value sealed for another purpose. */
    private static final class Table implements SealedSecretBatches.Rows<String> {
        final Map<String, SealedSecret> rows = new LinkedHashMap<>();
        final MasterKeySeal seal;

        Table(MasterKeySeal seal) {
            this.seal = seal;
        }

        @Override
        public List<String> notUnder(String newestKid, int limit) {
            List<String> keys = new ArrayList<>();
            rows.forEach((k, v) -> {
                if (!v.kid().equals(newestKid) && keys.size() < limit) {
                    keys.add(k);
                }
            });
            return keys;
        }

        @Override
        public String key(String row) {
            return row;
        }

        @Override
        public Optional<SealedSecret> reseal(String row) {
            return seal.rewrap("p:" + row, rows.get(row));
        }

        @Override
        public boolean update(String row, SealedSecret next) {
            rows.put(row, next);
            return true;
        }
    }

    @Test
    void rewrapWhenOldRowsThenEachMovedToTheNewestKeyAndOpensWithItAlone() {
        MasterKeySeal old = MasterKeySealTests.seal(EnvelopeTests.OLD);
        MasterKeySeal rotated = MasterKeySealTests.seal(EnvelopeTests.NEW + "," + EnvelopeTests.OLD);
        Table table = new Table(rotated);
        table.rows.put("a", old.seal("p:a", SECRET));
        table.rows.put("b", old.seal("p:b", SECRET));
        table.rows.put("c", rotated.seal("p:c", SECRET));

        RewrapParticipant.Result result = SealedSecretBatches.rewrap(rotated.newestKid(), table, "test");

        assertThat(result).isEqualTo(new RewrapParticipant.Result(2, 0));
        MasterKeySeal newOnly = MasterKeySealTests.seal(EnvelopeTests.NEW);
        table.rows.forEach((k, v) -> assertThat(newOnly.open("p:" + k, v)).isEqualTo(SECRET));
    }

    @Test
    void rewrapWhenARowCannotBeOpenedThenItIsCountedAndTheOthersStillMove() {
        MasterKeySeal old = MasterKeySealTests.seal(EnvelopeTests.OLD);
        MasterKeySeal rotated = MasterKeySealTests.seal(EnvelopeTests.NEW + "," + EnvelopeTests.OLD);
        Table table = new Table(rotated);
        table.rows.put("broken", old.seal("p:another", SECRET));
        table.rows.put("b", old.seal("p:b", SECRET));

        RewrapParticipant.Result result = SealedSecretBatches.rewrap(rotated.newestKid(), table, "test");

        assertThat(result).isEqualTo(new RewrapParticipant.Result(1, 1));
        assertThat(table.rows.get("b").kid()).isEqualTo(rotated.newestKid());
    }
}
