package id.sopan;

import id.sopan.cli.Command;
import id.sopan.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

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
        System.exit(runCommand(System.out, System.err, args));
    }

    /**
     * Runs one command and returns its exit code. Words of the form {@code --spring.x=y} or
     * {@code --sopan.x=y} configure the application (e.g. another database) and are not the command's.
     */
    public static int runCommand(PrintStream out, PrintStream err, String... args) {
        List<String> settings = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--spring.") || arg.startsWith("--sopan.") ? settings : words).add(arg);
        }
        if (!words.isEmpty() && words.get(0).equals("simulate")) {
            settings.add("--sopan.clock=movable"); // the simulation moves time itself
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SopanApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "sopan.sla.enabled=false")
                .run(settings.toArray(String[]::new));
        try {
            CommandLine commandLine = new CommandLine(context.getBeansOfType(Command.class).values().stream().toList());
            return commandLine.run(words.toArray(String[]::new), out, err);
        } finally {
            context.close();
        }
    }
}
