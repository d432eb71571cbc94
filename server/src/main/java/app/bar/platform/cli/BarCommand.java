package app.bar.platform.cli;

import app.bar.platform.config.UnsafeConfigurationException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Dispatches {@code java -jar bar-server.jar [command]}: no command (or only {@code --options})
 * serves HTTP; {@code generate-keys} needs no application context; any other name is a
 * {@link ContextCommand} bean run inside a non-web application context (for example
 * {@code rewrap}).
 */
public final class BarCommand {

    /** Returned when the server is up and the JVM must stay alive. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    private BarCommand() {
    }

    public static int execute(Class<?> application, String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            return serve(application, args);
        }
        String name = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (name.equals("generate-keys")) {
            return new CommandLine(new GenerateKeysCommand()).execute(rest);
        }
        if (name.equals("help") || name.equals("-h")) {
            PrintWriter out = new CommandLine(new GenerateKeysCommand()).getOut();
            out.println("usage: java -jar bar-server.jar [--spring.option=value ...]   run the server");
            out.println("       java -jar bar-server.jar generate-keys                print fresh production keys");
            out.println("       java -jar bar-server.jar <command>                    run a maintenance command (rewrap)");
            out.flush();
            return 0;
        }
        return runInContext(application, name, rest);
    }

    private static int serve(Class<?> application, String[] args) {
        try {
            SpringApplication.run(application, args);
            return KEEP_RUNNING;
        } catch (UnsafeConfigurationException e) {
            return 2; // each problem was logged on its own line
        } catch (RuntimeException e) {
            return 1; // Spring Boot has logged the failure analysis
        }
    }

    private static int runInContext(Class<?> application, String name, String[] rest) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "bar.scheduling.enabled", "false"));
        try (ConfigurableApplicationContext context = app.run()) {
            ContextCommand command = context.getBeansOfType(ContextCommand.class).values().stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (command == null) {
                new CommandLine(new GenerateKeysCommand()).getErr()
                        .println("unknown command; run 'java -jar bar-server.jar help'");
                return 2;
            }
            return command.run(rest);
        } catch (UnsafeConfigurationException e) {
            return 2;
        } catch (RuntimeException e) {
            return 1;
        }
    }
}
