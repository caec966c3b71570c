package id.sopan.simulation;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.MovableClock;
import id.sopan.casework.BulkHistory;
import id.sopan.casework.CaseService;
import id.sopan.catalog.CatalogService;
import id.sopan.cli.Arguments;
import id.sopan.cli.Command;
import id.sopan.organization.OrganizationService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code simulate --cases N --seed S [--days D]}: demo data, report and benchmark history made by the real
 * engine and services in simulated time; with {@code --bulk} the same history made in memory and written in large
 * batches ({@link BulkHistory}), for a million tasks in minutes.
 */
@Component
class SimulateCommand implements Command {

    private final CaseService cases;
    private final BulkHistory bulk;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final CalendarService calendars;
    private final ObjectProvider<MovableClock> clock;
    private final String defaultOffice;

    SimulateCommand(CaseService cases, BulkHistory bulk, CatalogService catalog, OrganizationService organization,
                    CalendarService calendars, ObjectProvider<MovableClock> clock,
                    @Value("${sopan.default-office:DKUKM}") String defaultOffice) {
        this.cases = cases;
        this.bulk = bulk;
        this.catalog = catalog;
        this.organization = organization;
        this.calendars = calendars;
        this.clock = clock;
        this.defaultOffice = defaultOffice;
    }

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String usage() {
        return "simulate --cases N --seed S [--days D] [--from YYYY-MM-DD] [--office CODE] [--return-rate 0.15]"
                + " [--late-rate 0.2] [--open-share 0.0] [--bulk]";
    }

    @Override
    public Set<String> optionsWithValue() {
        return Set.of("cases", "seed", "days", "from", "office", "return-rate", "late-rate", "open-share");
    }

    @Override
    public Set<String> flags() {
        return Set.of("bulk");
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        var messages = args.messages();
        if (!args.positional().isEmpty()) {
            throw new Arguments.UsageException(messages.get("cli.subcommand.unknown", args.positional().get(0)));
        }
        int count = number(args, "cases", 100, 1, 1_000_000);
        long seed = number(args, "seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int days = number(args, "days", 60, 1, 3650);
        double returnRate = fraction(args, "return-rate", 0.15);
        double lateRate = fraction(args, "late-rate", 0.2);
        double openShare = fraction(args, "open-share", 0);
        boolean inBulk = args.flag("bulk");
        LocalDate from;
        try {
            from = LocalDate.parse(args.option("from").orElse("2026-01-05"));
        } catch (DateTimeParseException e) {
            throw new Arguments.UsageException(messages.get("cli.option.badValue", "--from", args.option("from").orElse("")));
        }
        String office = args.option("office").orElse(defaultOffice);
        Simulation simulation;
        if (inBulk) {
            simulation = Simulation.bulk(bulk, BulkHistory.DEFAULT_CASES_PER_TRANSACTION, office, catalog, organization,
                    calendars);
        } else {
            MovableClock movable = clock.getIfAvailable();
            if (movable == null) {
                err.println(messages.get("simulate.needsMovableClock"));
                return 2;
            }
            simulation = new Simulation(cases, catalog, organization, calendars, movable);
        }
        long began = System.nanoTime();
        Simulation.Result result = simulation.run(new Simulation.Settings(count, seed, days, office, from, returnRate,
                lateRate, false, false, true, List.of(), openShare));
        for (Map.Entry<String, Simulation.Tally> e : result.perSop().entrySet()) {
            Simulation.Tally t = e.getValue();
            out.printf(Locale.ROOT, "%s cases=%d closed=%d tasks=%d returns=%d late=%d failures=%d%n", e.getKey(),
                    t.cases(), t.closed(), t.tasks(), t.returns(), t.late(), t.failures());
        }
        result.failureMessages().forEach(err::println);
        Simulation.Tally total = result.total();
        double seconds = (System.nanoTime() - began) / 1e9;
        err.printf(Locale.ROOT, "%.1f s%n", seconds);
        out.printf(Locale.ROOT, "%d cases, %d tasks, %d returns, %d failures%n", total.cases(), total.tasks(),
                total.returns(), total.failures());
        BulkHistory.Written written = result.written();
        if (written != null) {
            out.println(messages.get("simulate.bulk.written", written.rows(), written.cases(), written.tasks(),
                    written.events(), written.candidates(), written.requirements(), written.transactions(),
                    String.format(Locale.ROOT, "%.1f", seconds),
                    Math.round(written.rows() / Math.max(seconds, 1e-9))));
        }
        return total.failures() == 0 ? 0 : 1;
    }

    private static int number(Arguments args, String name, int fallback, int min, int max) {
        String text = args.option(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException(args.messages().get("cli.option.badValue", "--" + name, text));
        }
    }

    private static double fraction(Arguments args, String name, double fallback) {
        String text = args.option(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (value < 0 || value > 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException(args.messages().get("cli.option.badValue", "--" + name, text));
        }
    }
}
