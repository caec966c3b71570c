package id.sopan.cli;

import id.sopan.sop.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words of a command line: positional words and {@code --options} (with a value, or flags). Only the
 * options a command declares are accepted, so a typo is reported instead of ignored.
 */
public final class Arguments {

    private final List<String> positional;
    private final Map<String, String> options;
    private final Messages messages;

    private Arguments(List<String> positional, Map<String, String> options, Messages messages) {
        this.positional = positional;
        this.options = options;
        this.messages = messages;
    }

    /** Thrown for a wrong command line; the message is already in the user's language. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param withValue options that take a value ({@code --out FILE})
     * @param flags     options that stand alone ({@code --dry-run})
     */
    public static Arguments parse(List<String> words, Set<String> withValue, Set<String> flags, Messages messages) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || word.equals("--")) {
                positional.add(word);
                continue;
            }
            String name = word.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException(messages.get("cli.option.noValue", "--" + name));
                }
                options.put(name, "true");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
                        throw new UsageException(messages.get("cli.option.needsValue", "--" + name));
                    }
                    value = words.get(++i);
                }
                options.put(name, value);
            } else {
                throw new UsageException(messages.get("cli.option.unknown", "--" + name));
            }
        }
        return new Arguments(List.copyOf(positional), options, messages);
    }

    public List<String> positional() {
        return positional;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public Messages messages() {
        return messages;
    }
}
