package app.bar;

import app.bar.platform.cli.BarCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * BAR — Burn After Reading. {@code java -jar bar-server.jar} serves; the other commands
 * ({@code generate-keys}, and those a module contributes) are listed by {@code help}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "platform")
public class BarApplication {

    public static void main(String[] args) {
        int code = BarCommand.execute(BarApplication.class, args);
        if (code != BarCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
