package app.bar.storage;

import app.bar.platform.cli.ContextCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar bar-server.jar migrate-blobs --to s3 [--keep-source]}: moves the blobs of
 * {@code BAR_BLOB_DIR} into the bucket of {@code BAR_S3_*} ({@link BlobMigration}), whatever
 * {@code BAR_BLOB_STORE} says. Exit code 0 when every blob is in the bucket and verified.
 */
@Component
class MigrateBlobsCommand implements ContextCommand {

    private static final Logger log = LoggerFactory.getLogger(MigrateBlobsCommand.class);

    private final StorageProperties properties;

    MigrateBlobsCommand(StorageProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return "migrate-blobs";
    }

    @Override
    public int run(String[] args) {
        return new CommandLine(new Options()).execute(args);
    }

    @Command(name = "migrate-blobs", mixinStandardHelpOptions = true,
            description = "Move the blobs of BAR_BLOB_DIR into the S3 bucket of BAR_S3_*, verifying each.")
    private final class Options implements Callable<Integer> {

        @Option(names = "--to", required = true, description = "Where to: s3 (the only one).")
        private String to = "";

        @Option(names = "--keep-source", description = "Copy and verify but keep the files (a first pass while "
                + "servers still use the directory).")
        private boolean keepSource;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!to.equals("s3")) {
                err.println("--to must be s3");
                return 2;
            }
            if (properties.dir() == null || properties.s3().bucket().isBlank()) {
                err.println("set BAR_BLOB_DIR (the directory to move from) and BAR_S3_BUCKET (the bucket to move to)");
                return 2;
            }
            FileSystemBlobStore source = new FileSystemBlobStore(properties.requireDir());
            try (S3BlobStore target = S3BlobStore.connect(properties.s3(), Clock.systemUTC())) {
                if (!target.isReady()) {
                    log.error("blob.migrate_refused reason=bucket_unreachable");
                    return 1;
                }
                BlobMigration.Result result = new BlobMigration(source, target, keepSource).run();
                spec.commandLine().getOut().printf("uploaded=%d already_there=%d gone=%d failed=%d%n",
                        result.uploaded(), result.alreadyThere(), result.gone(), result.failed());
                return result.failed() == 0 ? 0 : 1;
            }
        }
    }
}
