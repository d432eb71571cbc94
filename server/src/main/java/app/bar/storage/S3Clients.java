package app.bar.storage;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the synchronous S3 client from {@code bar.storage.s3.*}. */
final class S3Clients {

    private S3Clients() {
    }

    static S3Client create(StorageProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(s3.maxConnections())
                        .connectionTimeout(Duration.ofSeconds(10))
                        .connectionAcquisitionTimeout(Duration.ofSeconds(30))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(region(s3))
                .credentialsProvider(credentials(s3))
                .forcePathStyle(s3.pathStyle())
                // The SDK's default trailing CRC32 (aws-chunked uploads) is not understood by many
                // S3-compatible servers (s3proxy, older MinIO and Ceph). Nothing is lost: every
                // blob is AEAD ciphertext, so a corrupted byte fails authentication on reading
                // (tamper detection).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint().strip()));
        }
        return builder.build();
    }

    private static Region region(StorageProperties.S3 s3) {
        if (!s3.region().isBlank()) {
            return Region.of(s3.region().strip());
        }
        if (!s3.endpoint().isBlank()) {
            return Region.US_EAST_1; // not AWS: most servers ignore the region; no metadata-service lookup
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException none) {
            return Region.US_EAST_1; // S3-compatible servers mostly ignore the region
        }
    }

    private static AwsCredentialsProvider credentials(StorageProperties.S3 s3) {
        if (s3.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
