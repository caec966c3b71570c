package id.sopan.backup;

import id.sopan.cli.Arguments;
import id.sopan.cli.Command;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** {@code backup --out FILE}: the database and the attachments as one archive. */
@Component
class BackupCommand implements Command {

    private final BackupService backups;

    BackupCommand(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String usage() {
        return "backup --out FILE.zip";
    }

    @Override
    public Set<String> optionsWithValue() {
        return Set.of("out");
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        var messages = args.messages();
        if (!args.positional().isEmpty()) {
            throw new Arguments.UsageException(messages.get("cli.subcommand.unknown", args.positional().get(0)));
        }
        String text = args.option("out")
                .orElseThrow(() -> new Arguments.UsageException(messages.get("backup.cli.required", "--out")));
        Path file;
        try {
            file = Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new Arguments.UsageException(messages.get("cli.option.badValue", "--out", text));
        }
        if (text.isBlank() || Files.isDirectory(file)) {
            throw new Arguments.UsageException(messages.get("cli.option.badValue", "--out", text));
        }
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw new Arguments.UsageException(messages.get("backup.cli.noFolder", "--out",
                    String.valueOf(file.getParent())));
        }
        if (Files.exists(file)) {
            err.println(messages.get("backup.cli.exists", file));
            return 1;
        }
        try {
            BackupService.BackupReport r = backups.backup(file);
            out.println(messages.get("backup.cli.done", r.file(), r.tables(), r.rows(), r.files(), r.fileBytes(),
                    r.archiveBytes(), String.format(Locale.ROOT, "%.1f", r.seconds()), r.schemaVersion(), r.database()));
            return 0;
        } catch (BackupException e) {
            err.println(messages.get(e.key(), e.args().toArray()));
            return 1;
        }
    }
}
