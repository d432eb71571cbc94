package app.bar.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.config.UnsafeConfigurationException;
import app.bar.platform.config.ProductionGuard;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** DESIGN.md §3 for the S3 blob store: one line per problem, naming the variable and the rule, never the value. */
class StorageProductionChecksTests {

    @Test
    void problemsWhenFilesystemThenNoneFromStorage() {
        assertThat(StorageProductionChecks.problems(new MockEnvironment().withProperty("bar.storage.type", "filesystem")))
                .isEmpty();
    }

    @Test
    void problemsWhenS3FullyConfiguredOverHttpsThenNone() {
        assertThat(StorageProductionChecks.problems(s3())).isEmpty();
    }

    @Test
    void problemsWhenS3WithoutBucketThenBucketNamed() {
        assertThat(StorageProductionChecks.problems(s3().withProperty("bar.storage.s3.bucket", "")))
                .containsExactly("variable=BAR_S3_BUCKET rule=\"is missing\"");
    }

    @Test
    void problemsWhenEndpointIsHttpThenRefusedUnlessExplicitlyAllowed() {
        MockEnvironment http = s3().withProperty("bar.storage.s3.endpoint", "http://minio.internal:9000");
        assertThat(StorageProductionChecks.problems(http)).singleElement().asString()
                .startsWith("variable=BAR_S3_ENDPOINT rule=\"must be https://").doesNotContain("minio.internal");
        assertThat(StorageProductionChecks.problems(http.withProperty("bar.storage.s3.allow-http", "true"))).isEmpty();
    }

    @Test
    void problemsWhenEndpointCarriesUserInfoThenRefusedWithoutPrintingIt() {
        MockEnvironment env = s3().withProperty("bar.storage.s3.endpoint", "https://key:s3cr3t@s3.example.com");
        assertThat(String.join("\n", StorageProductionChecks.problems(env))).contains("BAR_S3_ENDPOINT")
                .doesNotContain("s3cr3t");
    }

    @Test
    void problemsWhenOnlySecretKeySetThenAccessKeyNamedAndSecretNotPrinted() {
        MockEnvironment env = s3().withProperty("bar.storage.s3.access-key", "")
                .withProperty("bar.storage.s3.secret-key", "very-secret-value");
        assertThat(StorageProductionChecks.problems(env)).singleElement().asString()
                .startsWith("variable=BAR_S3_ACCESS_KEY").doesNotContain("very-secret-value");
    }

    @Test
    void problemsWhenStoreTypeUnknownThenNamed() {
        assertThat(StorageProductionChecks.problems(new MockEnvironment().withProperty("bar.storage.type", "ftp")))
                .containsExactly("variable=BAR_BLOB_STORE rule=\"must be 'filesystem' or 's3'\"");
    }

    @Test
    void guardWhenProductionAndBucketMissingThenStartRefusedNamingIt() {
        MockEnvironment env = s3().withProperty("bar.storage.s3.bucket", "");
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> ProductionGuard.check(env))
                .isInstanceOf(UnsafeConfigurationException.class).hasMessageContaining("BAR_S3_BUCKET");
    }

    @Test
    void guardWhenProductionStoresInBucketThenNoBlobDirectoryRequired() {
        MockEnvironment env = s3();
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> ProductionGuard.check(env)).isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageNotContaining("BAR_BLOB_DIR").hasMessageNotContaining("BAR_S3_");
    }

    @Test
    void guardWhenProductionStoresInDirectoryThenAbsoluteDirectoryRequired() {
        MockEnvironment env = new MockEnvironment().withProperty("bar.storage.type", "filesystem")
                .withProperty("bar.storage.dir", "relative/blobs");
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> ProductionGuard.check(env)).isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("BAR_BLOB_DIR");
    }

    private static MockEnvironment s3() {
        return new MockEnvironment().withProperty("bar.storage.type", "s3")
                .withProperty("bar.storage.s3.endpoint", "https://s3.example.com")
                .withProperty("bar.storage.s3.bucket", "bar-blobs")
                .withProperty("bar.storage.s3.access-key", "AKIAEXAMPLE")
                .withProperty("bar.storage.s3.secret-key", "secret");
    }
}
