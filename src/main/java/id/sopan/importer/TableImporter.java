package id.sopan.importer;

import id.sopan.sop.Actor;
import id.sopan.sop.Decision;
import id.sopan.sop.Problem;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.StandardTime;
import id.sopan.sop.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads one SOP table in the annex's layout (No. | Kegiatan | one column per Pelaksana | Mutu Baku:
 * Kelengkapan, Waktu, Output | Ket.) into a draft SOP and a list of problems.
 *
 * <p>Real tables are messy: header words vary, cells shift left or right, the flowchart marks are lost
 * or drawn with arbitrary symbols. So rows are read by content rather than by position: the Waktu cell
 * is found by its shape, Kelengkapan is the text before it and Output the text after it; a step's actors
 * are the Pelaksana its Kegiatan opens with, or else the columns it marks.
 */
public final class TableImporter {

    private static final Pattern NUMBER = Pattern.compile("^\\s*(\\d{1,3})\\s*\\.?\\s*$");
    private static final Pattern BROKEN_TIME = Pattern.compile("\\d.*\\b(menit|mnt|jam|hari|bulan|minggu)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE_BRANCH = Pattern.compile(
            "\\b(jika|apabila|bila)\\s+(belum|tidak)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RETURN_VERB = Pattern.compile(
            "\\b(di\\s?kembalikan(?:nya)?|diserahkan|dikirim\\s+kembali)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REWORK = Pattern.compile("kembali|diperbaiki|perbaik", Pattern.CASE_INSENSITIVE);

    enum Role { NUMBER, KEGIATAN, ACTOR, KELENGKAPAN, WAKTU, OUTPUT, KETERANGAN, RETURN_TO, GROUP, NONE }

    /** The longest cell read: the annex's longest is about 500 characters. */
    public static final int MAX_CELL = 2_000;
    /** The most steps a table may have (the annex's longest has a few dozen). */
    public static final int MAX_STEPS = 200;
    /** The most text a draft may hold in all: its stored JSON must fit {@code sop_version.definition}. */
    public static final int MAX_TEXT = 400_000;
    /** The longest title the catalog stores ({@code sop_version.title}). */
    public static final int MAX_TITLE = 500;

    private TableImporter() {
    }

    /** Whether a header cell names the Kegiatan column, in any of the usual wordings. */
    public static boolean isKegiatanHeader(String text) {
        String t = clean(text).toLowerCase(Locale.ROOT);
        return t.equals("kegiatan") || t.equals("aktivitas") || t.equals("uraian kegiatan")
                || t.equals("uraian aktivitas") || t.equals("kegiatan/aktivitas") || t.equals("uraian");
    }

    public static ImportResult importTable(Grid grid, ImportOptions options) {
        return new Run(grid, options).read();
    }

    /**
     * Cuts a file holding several tables (a whole annex) into one grid per table: each runs from its
     * header row to the row before the next header.
     */
    public static List<Grid> splitTables(Grid grid) {
        List<Integer> headers = new ArrayList<>();
        List<Grid.Row> rows = grid.rows();
        for (int i = 0; i < rows.size(); i++) {
            Grid.Row row = rows.get(i);
            boolean kegiatan = row.cells().stream().anyMatch(TableImporter::isKegiatanHeader);
            boolean number = row.cells().stream().anyMatch(c -> roleOf(c) == Role.NUMBER);
            if (kegiatan && number) {
                headers.add(i);
            }
        }
        List<Grid> tables = new ArrayList<>();
        for (int h = 0; h < headers.size(); h++) {
            int end = h + 1 < headers.size() ? headers.get(h + 1) : rows.size();
            // A stray group-label line ("MUTU BAKU") just above the next header belongs to that table.
            tables.add(grid.slice(headers.get(h), end));
        }
        return tables;
    }

    static Role roleOf(String header) {
        String t = clean(header).toLowerCase(Locale.ROOT).replaceAll("[.:]$", "");
        if (t.isEmpty()) {
            return Role.NONE;
        }
        if (t.equals("no") || t.equals("nomor")) {
            return Role.NUMBER;
        }
        if (isKegiatanHeader(t)) {
            return Role.KEGIATAN;
        }
        if (t.matches("k[e]?lengkapan|keengkapan|persyaratan|input|bahan|kelengkapan\\s*/\\s*persyaratan")) {
            return Role.KELENGKAPAN;
        }
        if (t.startsWith("waktu")) {
            return Role.WAKTU;
        }
        if (t.equals("output") || t.equals("hasil") || t.equals("keluaran")) {
            return Role.OUTPUT;
        }
        if (t.equals("ket") || t.equals("keterangan")) {
            return Role.KETERANGAN;
        }
        if (t.equals("kembali ke") || t.equals("kembali ke langkah") || t.equals("jika tidak") || t.equals("tidak")) {
            return Role.RETURN_TO;
        }
        if (t.equals("pelaksana") || t.equals("mutu baku") || t.equals("pelaksana/aktor")) {
            return Role.GROUP;
        }
        return Role.ACTOR;
    }

    static String clean(String cell) {
        if (cell == null) {
            return "";
        }
        // "<[^<>]*>" rather than "<[^>]*>": a cell of many "<" without ">" would take quadratic time.
        return visible(cell).replaceAll("<[^<>]*>", " ").replaceAll("\\s+", " ").strip();
    }

    /**
     * The text without what no table means to say: control characters become blanks, bidirectional overrides,
     * zero-width characters and byte-order marks go, and half a surrogate pair becomes U+FFFD.
     */
    static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String instead = null;
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u00A0' || c == '\u2028' || c == '\u2029') {
                instead = " ";
            } else if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200B'
                    || c == '\u200E' || c == '\u200F' || c == '\uFEFF' || c == '\u061C') {
                instead = "";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                instead = "\uFFFD";
            } else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                instead = "\uFFFD";
            }
            if (instead != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(instead != null ? instead : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** A cell that is a flowchart mark or symbol rather than text. */
    static boolean isMark(String cell) {
        String t = clean(cell);
        if (t.isEmpty()) {
            return false;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        return cell.strip().startsWith("<pre") || lower.equals("x") || lower.equals("v") || lower.equals("ya")
                || lower.equals("tidak") || t.matches("^[^\\p{L}\\p{N}]+$");
    }

    private static final class Run {
        private final Grid grid;
        private final ImportOptions options;
        private final List<Problem> problems = new ArrayList<>();
        /** The source line of each step read, in the order of the steps. */
        private final List<Integer> stepLines = new ArrayList<>();
        /**
         * The header lists its own columns, with a Keterangan but no Output. (Under a "Mutu Baku" label the
         * annex's layout always has Kelengkapan, Waktu and Output, even when a header cell was lost.)
         */
        private boolean noOutputColumn;
        /** The actor of each Pelaksana column; a repeated column maps to the actor it repeats. */
        private final Map<Integer, Actor> actorByColumn = new LinkedHashMap<>();
        /** The header's role of each column, for naming the field of a cell left over. */
        private Map<Integer, Role> extraRoles = Map.of();
        /** The line the title was read from. */
        private Integer titleLine;

        Run(Grid grid, ImportOptions options) {
            this.grid = grid;
            this.options = options == null ? ImportOptions.NONE : options;
        }

        ImportResult read() {
            // Over-long cells are cut before anything reads them (and reported once the columns are known).
            List<Grid.Row> rows = new ArrayList<>();
            List<int[]> tooLong = new ArrayList<>();
            for (Grid.Row row : grid.rows()) {
                rows.add(bounded(row, tooLong));
            }
            int header = findHeader(rows);
            if (header < 0) {
                reportTooLong(tooLong, Map.of(), Integer.MIN_VALUE);
                Integer first = rows.isEmpty() ? 1 : rows.get(0).line();
                problems.add(Problem.error(at(first, null, "header"), "import.header.notFound"));
                return new ImportResult(null, problems);
            }
            Grid.Row head = rows.get(header);
            Grid.Row sub = header + 1 < rows.size() && isSubHeader(rows.get(header + 1)) ? rows.get(header + 1) : null;
            Map<Integer, Role> roles = new LinkedHashMap<>();
            List<Actor> actors = readActors(head, sub, roles);
            reportTooLong(tooLong, roles, head.line());
            extraRoles = roles;
            if (actors.isEmpty()) {
                problems.add(Problem.error(at(head.line(), null, "actors"), "import.header.noActors"));
                return new ImportResult(null, problems);
            }
            boolean mutuBaku = Stream.of(head, sub).filter(Objects::nonNull)
                    .flatMap(r -> r.cells().stream()).anyMatch(c -> clean(c).equalsIgnoreCase("mutu baku"));
            noOutputColumn = !mutuBaku && !roles.containsValue(Role.OUTPUT) && roles.containsValue(Role.KETERANGAN);
            ActorMatcher matcher = new ActorMatcher(actors);
            List<Step> steps = readSteps(rows, sub == null ? header + 1 : header + 2, roles, actors, matcher);
            if (steps.isEmpty()) {
                problems.add(Problem.error(at(head.line(), null, "steps"), "import.steps.none"));
                return new ImportResult(null, problems);
            }
            checkNumbering(steps);
            long text = steps.stream().mapToLong(Run::textLength).sum();
            if (text > MAX_TEXT) {
                problems.add(Problem.error(at(head.line(), null, "steps"), "import.table.tooLarge", text, MAX_TEXT));
            }
            String title = options.title() != null ? options.title() : titleAbove(rows, header);
            if (title == null) {
                problems.add(Problem.warning(at(head.line(), null, "title"), "import.title.missing"));
            } else if (title.length() > MAX_TITLE) {
                problems.add(Problem.error(at(options.title() != null ? head.line() : titleLine, null, "title"),
                        "import.cell.tooLong", title.length(), MAX_TITLE));
            }
            String code = options.code() == null ? "IMP-01" : options.code();
            SopDefinition draft = new SopDefinition(code, title, false, options.serviceType(), null, null,
                    actors, steps, List.of());
            for (Actor actor : actors) {
                if (steps.stream().noneMatch(s -> s.actors().contains(actor.name()))) {
                    problems.add(Problem.warning(at(head.line(), null, "actors"), "import.actor.unused", actor.name()));
                }
            }
            // An error means nothing is to be stored: no half-read draft.
            return new ImportResult(problems.stream().anyMatch(Problem::isError) ? null : draft, problems);
        }

        /** The row with every cell cut to {@link #MAX_CELL}; each cut cell noted as {line, column, length}. */
        private static Grid.Row bounded(Grid.Row row, List<int[]> tooLong) {
            List<String> cells = null;
            for (int c = 0; c < row.cells().size(); c++) {
                String cell = row.cells().get(c);
                if (cell != null && cell.length() > MAX_CELL) {
                    if (cells == null) {
                        cells = new ArrayList<>(row.cells());
                    }
                    cells.set(c, cell.substring(0, MAX_CELL));
                    tooLong.add(new int[] {row.line(), c, cell.length()});
                }
            }
            return cells == null ? row : new Grid.Row(row.line(), cells);
        }

        private void reportTooLong(List<int[]> tooLong, Map<Integer, Role> roles, int headerLine) {
            for (int[] cut : tooLong) {
                String field = cut[0] < headerLine ? "title" : fieldOf(roles.getOrDefault(cut[1], cut[1] == 0
                        ? Role.NUMBER : cut[1] == 1 ? Role.KEGIATAN : Role.NONE));
                problems.add(Problem.error(at(cut[0], null, field), "import.cell.tooLong", cut[2], MAX_CELL));
            }
        }

        /** The field a column of the table fills, for problems. */
        private static String fieldOf(Role role) {
            return switch (role) {
                case NUMBER -> "number";
                case KEGIATAN -> "kegiatan";
                case ACTOR, GROUP -> "actors";
                case KELENGKAPAN -> "kelengkapan";
                case WAKTU -> "waktu";
                case OUTPUT -> "output";
                case KETERANGAN -> "keterangan";
                case RETURN_TO -> "decision";
                case NONE -> "steps";
            };
        }

        private static long textLength(Step step) {
            long n = 0;
            for (String t : new String[] {step.kegiatan(), step.kelengkapan(), step.output(), step.keterangan(),
                    step.waktu().text()}) {
                n += t == null ? 0 : t.length();
            }
            for (String actor : step.actors()) {
                n += actor.length();
            }
            return n;
        }

        private int findHeader(List<Grid.Row> rows) {
            for (int i = 0; i < rows.size(); i++) {
                Grid.Row row = rows.get(i);
                boolean kegiatan = row.cells().stream().anyMatch(TableImporter::isKegiatanHeader);
                boolean number = row.cells().stream().anyMatch(c -> roleOf(c) == Role.NUMBER);
                if (kegiatan && number) {
                    return i;
                }
            }
            return -1;
        }

        private boolean isSubHeader(Grid.Row row) {
            if (row.isBlank() || NUMBER.matcher(row.cell(0)).matches()) {
                return false;
            }
            return clean(row.cell(0)).isEmpty();
        }

        private List<Actor> readActors(Grid.Row head, Grid.Row sub, Map<Integer, Role> roles) {
            int width = Math.max(head.cells().size(), sub == null ? 0 : sub.cells().size());
            List<Actor> actors = new ArrayList<>();
            for (int col = 0; col < width; col++) {
                String subText = sub == null ? "" : clean(sub.cell(col));
                String headText = clean(head.cell(col));
                String text = !subText.isEmpty() ? subText : headText;
                Role role = roleOf(text);
                if (role == Role.GROUP && !subText.isEmpty()) {
                    role = Role.NONE;
                }
                roles.put(col, role);
                if (role == Role.ACTOR) {
                    Optional<Actor> same = actors.stream().filter(a -> a.name().equalsIgnoreCase(text)).findFirst();
                    if (same.isPresent()) {
                        problems.add(Problem.warning(at(sub != null ? sub.line() : head.line(), null, "actors"),
                                "import.actor.duplicate", text));
                        actorByColumn.put(col, same.get());
                        continue;
                    }
                    Actor actor = new Actor(text, ActorNames.guessKind(text));
                    actors.add(actor);
                    actorByColumn.put(col, actor);
                }
            }
            return actors;
        }

        private List<Step> readSteps(List<Grid.Row> rows, int from, Map<Integer, Role> roles, List<Actor> actors,
                                     ActorMatcher matcher) {
            List<Step> steps = new ArrayList<>();
            for (int i = from; i < rows.size(); i++) {
                Grid.Row row = rows.get(i);
                if (row.isBlank()) {
                    continue;
                }
                Matcher number = NUMBER.matcher(row.cell(0));
                if (!number.matches()) {
                    boolean repeatedHeader = row.cells().stream().anyMatch(TableImporter::isKegiatanHeader)
                            || (isSubHeader(row) && row.cells().stream().map(TableImporter::roleOf)
                            .anyMatch(r -> r == Role.WAKTU || r == Role.KELENGKAPAN));
                    if (!repeatedHeader && !steps.isEmpty()) {
                        // Text after the steps (a signature block, the next title list) ends the table.
                        problems.add(Problem.warning(at(row.line(), null, "steps"), "import.row.afterTable",
                                abbreviate(String.join(" ", row.cells()))));
                        break;
                    }
                    continue;
                }
                int n = Integer.parseInt(number.group(1));
                if (n == 1 && !steps.isEmpty()) {
                    problems.add(Problem.warning(at(row.line(), null, "number"), "import.secondTable"));
                    break;
                }
                if (steps.size() == MAX_STEPS) {
                    problems.add(Problem.error(at(row.line(), n, "number"), "import.steps.tooMany", MAX_STEPS));
                    break;
                }
                steps.add(readStep(row, n, roles, actors, matcher, steps));
                stepLines.add(row.line());
            }
            return steps;
        }

        private Step readStep(Grid.Row row, int n, Map<Integer, Role> roles, List<Actor> actors, ActorMatcher matcher,
                              List<Step> earlier) {
            String kegiatan = clean(row.cell(1));
            List<String> notes = new ArrayList<>();
            if (kegiatan.isEmpty()) {
                problems.add(Problem.warning(at(row.line(), n, "kegiatan"), "import.kegiatan.empty"));
            }
            // Classify the cells right of Kegiatan.
            int timeIndex = -1;
            StandardTime time = null;
            List<Integer> textCells = new ArrayList<>();
            List<Integer> markCells = new ArrayList<>();
            Integer explicitReturn = null;
            for (int col = 2; col < row.cells().size(); col++) {
                String cell = row.cell(col);
                if (clean(cell).isEmpty()) {
                    continue;
                }
                if (roles.get(col) == Role.RETURN_TO) {
                    // A column saying where "Tidak" returns to (Sopan's own XLSX has one): no guessing from the text.
                    Matcher target = NUMBER.matcher(clean(cell));
                    if (target.matches()) {
                        explicitReturn = Integer.parseInt(target.group(1));
                    } else {
                        problems.add(Problem.warning(at(row.line(), n, "decision"), "import.decision.badTarget", clean(cell)));
                    }
                    continue;
                }
                if (isMark(cell)) {
                    markCells.add(col);
                    continue;
                }
                if (timeIndex < 0) {
                    Optional<StandardTime> parsed = StandardTime.parse(clean(cell));
                    if (parsed.isPresent() && !parsed.get().isWithinLimits()) {
                        timeIndex = col;
                        time = StandardTime.unknown(clean(cell));
                        problems.add(Problem.warning(at(row.line(), n, "waktu"), "import.time.outOfRange", clean(cell),
                                parsed.get().limit()));
                        continue;
                    }
                    if (parsed.isPresent()) {
                        timeIndex = col;
                        time = parsed.get();
                        continue;
                    }
                    // The length first: "\\d.*\\b(menit...)" is quadratic on a long run of digits.
                    if (clean(cell).length() < 25 && BROKEN_TIME.matcher(clean(cell)).find()) {
                        timeIndex = col;
                        time = StandardTime.unknown(clean(cell));
                        problems.add(Problem.warning(at(row.line(), n, "waktu"), "import.time.unreadable", clean(cell)));
                        continue;
                    }
                }
                textCells.add(col);
            }
            String kelengkapan = null;
            String output = null;
            String keterangan = null;
            if (timeIndex >= 0) {
                int anchor = timeIndex;
                List<Integer> before = textCells.stream().filter(c -> c < anchor).toList();
                List<Integer> after = textCells.stream().filter(c -> c > anchor).toList();
                if (!before.isEmpty()) {
                    kelengkapan = clean(row.cell(before.get(before.size() - 1)));
                    for (int k = 0; k < before.size() - 1; k++) {
                        extra(row, n, before.get(k));
                    }
                }
                // A table whose header has a Keterangan column but no Output column: what follows Waktu is Ket.
                int next = 0;
                if (!after.isEmpty() && !noOutputColumn) {
                    output = clean(row.cell(after.get(0)));
                    if (StandardTime.looksLikeTime(output)) {
                        problems.add(Problem.warning(at(row.line(), n, "output"), "import.output.looksLikeTime", output));
                    }
                    next = 1;
                }
                if (after.size() > next) {
                    keterangan = clean(row.cell(after.get(next)));
                    for (int k = next + 1; k < after.size(); k++) {
                        extra(row, n, after.get(k));
                    }
                }
            } else {
                problems.add(Problem.warning(at(row.line(), n, "waktu"), "import.time.missing"));
                time = StandardTime.unknown(null);
                // Without a Waktu to anchor on, fall back to the header's columns, then to the order of cells.
                List<Integer> rest = new ArrayList<>();
                for (int col : textCells) {
                    Role role = roles.getOrDefault(col, Role.NONE);
                    String text = clean(row.cell(col));
                    if (role == Role.KELENGKAPAN && kelengkapan == null) {
                        kelengkapan = text;
                    } else if (role == Role.OUTPUT && output == null) {
                        output = text;
                    } else if (role == Role.KETERANGAN && keterangan == null) {
                        keterangan = text;
                    } else {
                        rest.add(col);
                    }
                }
                for (int col : rest) {
                    String text = clean(row.cell(col));
                    if (kelengkapan == null) {
                        kelengkapan = text;
                    } else if (output == null && !noOutputColumn) {
                        output = text;
                    } else {
                        extra(row, n, col);
                    }
                }
            }
            List<String> stepActors = actorsOf(row, n, kegiatan, roles, actors, matcher, markCells);
            Decision decision = explicitReturn != null ? new Decision(explicitReturn)
                    : decisionOf(row, n, kegiatan, matcher, earlier);
            return new Step(n, kegiatan, stepActors, kelengkapan, time, output, keterangan, decision, notes);
        }

        private List<String> actorsOf(Grid.Row row, int n, String kegiatan, Map<Integer, Role> roles,
                                      List<Actor> actors, ActorMatcher matcher, List<Integer> markCells) {
            List<String> named = matcher.leadingActors(kegiatan).stream().map(Actor::name).toList();
            List<String> marked = new ArrayList<>();
            boolean ticked = false;
            for (int col : markCells) {
                String mark = clean(row.cell(col));
                ticked |= mark.matches("(?i)[xv√✓✔]");
                if (mark.matches("[↓↑→←|\\-]+") || mark.equalsIgnoreCase("ya") || mark.equalsIgnoreCase("tidak")) {
                    continue; // arrows and branch labels are not actors
                }
                Actor actor = actorByColumn.get(col);
                if (actor != null && !marked.contains(actor.name())) {
                    marked.add(actor.name());
                }
            }
            if (marked.size() > 1 && marked.size() == actors.size()) {
                // Every column carries the same placeholder box: the flowchart was lost, the marks say nothing.
                problems.add(Problem.warning(at(row.line(), n, "actors"), "import.actor.allMarked"));
                marked.clear();
            }
            if (!marked.isEmpty() && ticked) {
                // A tick ("X", "√") is the table author's own word on who does the step: it outranks the text.
                if (new java.util.HashSet<>(marked).equals(new java.util.HashSet<>(named))) {
                    return named; // the same actors: keep the order the text names them in
                }
                if (!named.isEmpty() && !marked.containsAll(named)) {
                    problems.add(Problem.warning(at(row.line(), n, "actors"), "import.actor.tickDisagrees",
                            String.join(", ", marked), String.join(", ", named)));
                }
                return marked;
            }
            if (!named.isEmpty()) {
                if (!marked.isEmpty() && !marked.containsAll(named)) {
                    problems.add(Problem.warning(at(row.line(), n, "actors"), "import.actor.markDisagrees",
                            String.join(", ", marked), String.join(", ", named)));
                }
                return named;
            }
            if (!marked.isEmpty()) {
                return marked;
            }
            problems.add(Problem.warning(at(row.line(), n, "actors"), "import.actor.notFound"));
            return List.of();
        }

        private Decision decisionOf(Grid.Row row, int n, String kegiatan, ActorMatcher matcher, List<Step> earlier) {
            Matcher negative = NEGATIVE_BRANCH.matcher(kegiatan);
            if (!negative.find() || !REWORK.matcher(kegiatan.substring(negative.start())).find()) {
                return null;
            }
            if (earlier.isEmpty()) {
                problems.add(Problem.warning(at(row.line(), n, "decision"), "import.decision.noEarlierStep"));
                return null;
            }
            Matcher verb = RETURN_VERB.matcher(kegiatan);
            Optional<Actor> target = Optional.empty();
            if (verb.find(negative.start())) {
                target = matcher.actorAfter(kegiatan, verb.end());
            }
            if (target.isPresent()) {
                for (int k = earlier.size() - 1; k >= 0; k--) {
                    if (earlier.get(k).actors().contains(target.get().name())) {
                        return new Decision(earlier.get(k).number());
                    }
                }
                problems.add(Problem.warning(at(row.line(), n, "decision"), "import.decision.targetNotEarlier",
                        target.get().name()));
            }
            return new Decision(earlier.get(earlier.size() - 1).number());
        }

        private void checkNumbering(List<Step> steps) {
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).number() != i + 1) {
                    problems.add(Problem.warning(at(stepLines.get(i), steps.get(i).number(), "number"), "import.step.numbering",
                            steps.get(i).number(), i + 1));
                    return;
                }
            }
        }

        /** A one-cell line above the header that reads like a title ("SOP Pembuatan ..."). */
        private String titleAbove(List<Grid.Row> rows, int header) {
            for (int i = header - 1; i >= 0 && i >= header - 5; i--) {
                Grid.Row row = rows.get(i);
                if (row.isBlank()) {
                    continue;
                }
                if (row.filledCells() != 1) {
                    return null;
                }
                String text = clean(row.cells().stream().filter(c -> !c.isBlank()).findFirst().orElse(""));
                if (roleOf(text) != Role.ACTOR || text.length() < 5) {
                    continue;
                }
                titleLine = row.line();
                return text.replaceFirst("(?i)^(nama|judul)\\s+sop\\s*:?\\s*", "").replaceFirst("(?i)^sop\\s*:\\s*", "");
            }
            return null;
        }

        private void extra(Grid.Row row, int n, int col) {
            problems.add(Problem.warning(at(row.line(), n, fieldOf(extraRoles.getOrDefault(col, Role.NONE))),
                    "import.cell.extra", abbreviate(clean(row.cell(col)))));
        }

        private Problem.Location at(Integer line, Integer step, String field) {
            return new Problem.Location(grid.source(), line, options.code(), step, field);
        }

        private static String abbreviate(String text) {
            String t = clean(text);
            return t.length() > 60 ? t.substring(0, 57) + "..." : t;
        }
    }
}
