package id.sopan;

import id.sopan.cli.Command;
import id.sopan.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With no arguments Sopan serves the web application; with a command ({@code catalog ...}) it runs that
 * command against the same database and configuration, without a web server, and exits with its code.
 */
@SpringBootApplication
public class SopanApplication {

    public static void main(String[] args) {
        if (!CommandLine.isCommand(args)) {
            SpringApplication.run(SopanApplication.class, args);
            return;
        }
        System.exit(runCommand(args));
    }

    /** Runs one command and returns its exit code (used by main and by tests). */
    public static int runCommand(String... args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SopanApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN")
                .run();
        try {
            CommandLine commandLine = new CommandLine(context.getBeansOfType(Command.class).values().stream().toList());
            return commandLine.run(args, System.out, System.err);
        } finally {
            context.close();
        }
    }
}
