package id.sopan.cli;

import id.sopan.sop.Messages;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Dispatches {@code java -jar sopan.jar COMMAND ...} to the command of that name. The language of the
 * output is Bahasa Indonesia unless {@code --lang en} or the {@code SOPAN_LANG} variable says otherwise.
 */
public final class CommandLine {

    private final List<Command> commands;

    public CommandLine(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    /** Whether these words ask for a command rather than the web server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(List.of(args));
        String lang = System.getenv("SOPAN_LANG");
        int langAt = words.indexOf("--lang");
        if (langAt >= 0 && langAt + 1 < words.size()) {
            lang = words.get(langAt + 1);
            words.remove(langAt + 1);
            words.remove(langAt);
        }
        Messages messages = Messages.forLanguage(lang);
        if (words.isEmpty() || words.get(0).equals("help")) {
            printHelp(out, messages);
            return words.isEmpty() ? 2 : 0;
        }
        String name = words.get(0);
        for (Command command : commands) {
            if (command.name().equals(name)) {
                try {
                    Arguments arguments = Arguments.parse(words.subList(1, words.size()),
                            command.optionsWithValue(), command.flags(), messages);
                    return command.run(arguments, out, err);
                } catch (Arguments.UsageException e) {
                    err.println(e.getMessage());
                    err.println(messages.get("cli.usage") + " " + command.usage());
                    return 2;
                }
            }
        }
        err.println(messages.get("cli.command.unknown", name));
        printHelp(err, messages);
        return 2;
    }

    private void printHelp(PrintStream out, Messages messages) {
        out.println(messages.get("cli.help"));
        for (Command command : commands) {
            out.println("  java -jar sopan.jar " + command.usage().replace("\n", "\n  java -jar sopan.jar "));
        }
    }
}
