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

/** {@code restore FILE [--replace]}: the database and the attachments from an archive of {@code backup}. */
@Component
class RestoreCommand implements Command {

    private final BackupService backups;

    RestoreCommand(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String usage() {
        return "restore FILE.zip [--replace]";
    }

    @Override
    public Set<String> flags() {
        return Set.of("replace");
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        var messages = args.messages();
        if (args.positional().isEmpty()) {
            throw new Arguments.UsageException(messages.get("restore.cli.fileMissing"));
        }
        if (args.positional().size() > 1) {
            throw new Arguments.UsageException(messages.get("restore.cli.oneFile", args.positional().get(1)));
        }
        String text = args.positional().get(0);
        Path file;
        try {
            file = Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new Arguments.UsageException(messages.get("cli.file.notFound", text));
        }
        if (!Files.isRegularFile(file)) {
            throw new Arguments.UsageException(messages.get("cli.file.notFound", text));
        }
        if (!Files.isReadable(file)) {
            throw new Arguments.UsageException(messages.get("cli.file.cannotRead", text, "-"));
        }
        try {
            BackupService.RestoreReport r = backups.restore(file, args.flag("replace"));
            out.println(messages.get("restore.cli.done", file, r.tables(), r.rows(), r.files(), r.fileBytes(),
                    String.format(Locale.ROOT, "%.1f", r.seconds()), r.sourceDatabase(), r.createdAt(),
                    r.schemaVersion()));
            out.println(messages.get("restore.cli.phases", r.phases().entrySet().stream()
                    .map(e -> messages.get("restore.phase." + e.getKey()) + " "
                            + String.format(Locale.ROOT, "%.1f", e.getValue()) + " s")
                    .collect(java.util.stream.Collectors.joining(", "))));
            return 0;
        } catch (BackupException e) {
            err.println(messages.get(e.key(), e.args().toArray()));
            return 1;
        }
    }
}
