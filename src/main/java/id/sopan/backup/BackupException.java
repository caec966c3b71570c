package id.sopan.backup;

import java.util.List;

/**
 * A backup or restore that could not be done (exit code 1): a damaged archive, another schema version, a database
 * that holds cases without {@code --replace}. {@code key} names the text in the messages files.
 */
public class BackupException extends RuntimeException {

    private final String key;
    private final List<Object> args;

    public BackupException(String key, Object... args) {
        super(key + " " + List.of(args));
        this.key = key;
        this.args = List.of(args);
    }

    BackupException(Throwable cause, String key, Object... args) {
        super(key + " " + List.of(args), cause);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }
}
