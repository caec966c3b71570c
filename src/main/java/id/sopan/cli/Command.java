package id.sopan.cli;

import java.io.PrintStream;
import java.util.Set;

/**
 * One top-level command of the jar ({@code java -jar sopan.jar catalog validate}). Each capability
 * contributes its own as a bean; {@link CommandLine} finds them by name.
 */
public interface Command {

    /** The first word on the command line, e.g. {@code catalog}. */
    String name();

    /**
     * Runs with the words after the name.
     *
     * @return the process exit code: 0 done, 1 the work found problems, 2 the command line is wrong
     */
    int run(Arguments args, PrintStream out, PrintStream err);

    /** Usage lines for the help text. */
    String usage();

    /** Options that take a value ({@code --out FILE}); any other option is refused. */
    default Set<String> optionsWithValue() {
        return Set.of();
    }

    /** Options that stand alone ({@code --dry-run}). */
    default Set<String> flags() {
        return Set.of();
    }
}
