package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.format.BarContainer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealingStreamTests {

    private static final byte[] KEY = new byte[32];

    @ParameterizedTest
    @ValueSource(ints = {0, 1, (1 << 20) - 40, (1 << 20) - 39, 1 << 20, 3 * (1 << 20) + 5})
    void readWhenAnySizeThenContainerHasThePredictedLengthAndOpensToTheSameBytes(int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        String metadata = Metadata.file("x.bin", null, size);
        byte[] container;
        try (InputStream sealed = new SealingStream(new ByteArrayInputStream(content), KEY, false, metadata)) {
            container = sealed.readAllBytes();
        }
        assertThat((long) container.length).isEqualTo(SealingStream.containerSize(size, metadata.length()));
        try (InputStream plain = BarContainer.open(new ByteArrayInputStream(container), KEY)) {
            assertThat(BarContainer.readMetadata(plain)).isEqualTo(metadata);
            assertThat(plain.readAllBytes()).isEqualTo(content);
        }
    }
}
