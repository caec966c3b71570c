package id.sopan.casework;

import id.sopan.cli.Arguments;
import id.sopan.cli.Command;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/** {@code audit verify}: exits non-zero when any case's history chain is broken. */
@Component
class AuditCommand implements Command {

    private final AuditService audit;

    AuditCommand(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String usage() {
        return "audit verify";
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        if (args.positional().size() != 1 || !args.positional().get(0).equals("verify")) {
            throw new Arguments.UsageException(args.messages().get("cli.subcommand.unknown",
                    args.positional().isEmpty() ? "" : args.positional().get(0)));
        }
        AuditService.Report report = audit.verifyAll();
        for (AuditService.Break b : report.breaks()) {
            err.println(args.messages().get("audit.break", b.registrationNo(), b.seq(), b.reason()));
        }
        if (!report.ok()) {
            err.println(args.messages().get("audit.failed", report.breaks().size(), report.cases()));
            return 1;
        }
        out.println(args.messages().get("audit.ok", report.cases(), report.events()));
        return 0;
    }
}
