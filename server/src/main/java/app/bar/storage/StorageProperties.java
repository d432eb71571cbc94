package app.bar.storage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.storage.*}: where blobs live. {@code type} ({@code BAR_BLOB_STORE}) is
 * {@code filesystem} (a directory, {@code BAR_BLOB_DIR}; in production one every node shares) or
 * {@code s3} (a bucket of an S3-compatible service, {@code BAR_S3_*}).
 */
@ConfigurationProperties("bar.storage")
@Validated
public record StorageProperties(
        @DefaultValue("filesystem") @NotNull Type type,
        @Nullable Path dir,
        @DefaultValue @Valid @NotNull S3 s3) {

    /** Which {@link BlobStore} the application uses. */
    public enum Type { FILESYSTEM, S3 }

    /** The blob directory; the filesystem store and {@code migrate-blobs} need it. */
    public Path requireDir() {
        if (dir == null) {
            throw new IllegalStateException("bar.storage.dir (BAR_BLOB_DIR) is not set");
        }
        return dir;
    }

    /**
     * The bucket. {@code endpoint} empty means AWS itself; {@code region} empty means, on AWS, the
     * SDK's region chain ({@code AWS_REGION}, profile, instance), and {@code us-east-1} elsewhere. With no access key the
     * SDK's default credentials chain is asked (environment, profile, container or instance role).
     * Objects are {@code <prefix><first two characters of the id>/<id>}, the directory's layout.
     * Uploads keep at most two parts of {@code partSize} in memory.
     */
    public record S3(
            @DefaultValue("") String endpoint,
            @DefaultValue("") String bucket,
            @DefaultValue("") String region,
            @DefaultValue("false") boolean pathStyle,
            @DefaultValue("") String accessKey,
            @DefaultValue("") String secretKey,
            @DefaultValue("blobs/") String prefix,
            @DefaultValue("8MB") @NotNull DataSize partSize,
            @DefaultValue("100") @Min(2) @Max(10000) int maxConnections,
            @DefaultValue("false") boolean allowHttp) {

        /** S3 refuses parts under 5 MiB (but the last); more than 64 MiB buys nothing but memory. */
        static final long MIN_PART = 5L * 1024 * 1024;
        static final long MAX_PART = 64L * 1024 * 1024;

        public S3 {
            if (partSize.toBytes() < MIN_PART || partSize.toBytes() > MAX_PART) {
                throw new IllegalArgumentException("bar.storage.s3.part-size is " + partSize
                        + "; it must be between 5MB and 64MB");
            }
            if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                throw new IllegalArgumentException("bar.storage.s3.prefix must be empty or end with '/'");
            }
        }

        boolean hasStaticCredentials() {
            return !accessKey.isBlank() && !secretKey.isBlank();
        }

        /** Never the keys: this ends up in logs and failure reports. */
        @Override
        public String toString() {
            return "S3[endpoint=" + (endpoint.isBlank() ? "aws" : endpoint) + ", bucket=" + bucket + ", region="
                    + region + ", pathStyle=" + pathStyle + ", credentials="
                    + (hasStaticCredentials() ? "static (hidden)" : "default chain") + ", prefix=" + prefix
                    + ", partSize=" + partSize + "]";
        }
    }
}
