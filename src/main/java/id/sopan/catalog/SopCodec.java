package id.sopan.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sopan.sop.Actor;
import id.sopan.sop.ActorKind;
import id.sopan.sop.Decision;
import id.sopan.sop.Problem;
import id.sopan.sop.ServiceStandard;
import id.sopan.sop.SopIdentity;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.StandardTime;
import id.sopan.sop.Step;
import id.sopan.sop.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Reads and writes {@link SopDefinition}s as catalog YAML files and as stored JSON. */
public final class SopCodec {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    private SopCodec() {
    }

    /** The outcome of reading a file: the SOP when it could be built, and the problems met on the way. */
    public record Read(SopDefinition sop, List<Problem> problems) {
        public boolean ok() {
            return sop != null && problems.stream().noneMatch(Problem::isError);
        }
    }

    public static Read readYaml(String fileName, String text) {
        return read(YAML, fileName, text);
    }

    public static Read readJson(String fileName, String text) {
        return read(JSON, fileName, text);
    }

    public static String toYaml(SopDefinition sop) {
        return YAML.writeValueAsString(toFile(sop));
    }

    public static String toJson(SopDefinition sop) {
        return JSON.writeValueAsString(toFile(sop));
    }

    /** The stored JSON of a version that was valid when written: problems here mean a bug, so they throw. */
    public static SopDefinition fromStoredJson(String json) {
        Read read = readJson("stored", json);
        if (read.sop() == null) {
            throw new IllegalStateException("stored SOP cannot be read: " + read.problems());
        }
        return read.sop();
    }

    private static Read read(ObjectMapper mapper, String fileName, String text) {
        SopFile file;
        try {
            file = mapper.readValue(text, SopFile.class);
        } catch (UnrecognizedPropertyException e) {
            return new Read(null, List.of(Problem.error(where(fileName, e), "catalog.file.unknownField", e.getPropertyName())));
        } catch (JacksonException e) {
            return new Read(null, List.of(Problem.error(where(fileName, e), "catalog.file.unreadable", e.getOriginalMessage())));
        }
        if (file == null) {
            return new Read(null, List.of(Problem.error(new Problem.Location(fileName, null, null, null, null),
                    "catalog.file.unreadable", "-")));
        }
        List<Problem> problems = new ArrayList<>();
        SopDefinition sop = fromFile(fileName, file, problems);
        return new Read(sop, problems);
    }

    private static Problem.Location where(String fileName, JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        Integer line = location == null || location.getLineNr() < 1 ? null : location.getLineNr();
        return new Problem.Location(fileName, line, null, null, null);
    }

    static SopDefinition fromFile(String fileName, SopFile file, List<Problem> problems) {
        List<Actor> actors = new ArrayList<>();
        for (SopFile.ActorFile a : nonNull(file.actors())) {
            if (a == null) {
                // "- " or "null" in the list: said as a problem of the list, not an exception of the reader.
                problems.add(Problem.error(new Problem.Location(fileName, null, file.code(), null, "actors"),
                        "catalog.file.emptyEntry"));
                continue;
            }
            actors.add(new Actor(Objects.requireNonNullElse(a.name(), ""),
                    a.kind() == null ? ActorKind.INTERNAL : a.kind(), a.sourceName()));
        }
        List<Step> steps = new ArrayList<>();
        int index = 0;
        for (SopFile.StepFile s : nonNull(file.steps())) {
            index++;
            if (s == null) {
                problems.add(Problem.error(new Problem.Location(fileName, null, file.code(), index, "steps"),
                        "catalog.file.emptyEntry"));
                continue;
            }
            if (s.actors() != null && s.actors().contains(null)) {
                problems.add(Problem.error(new Problem.Location(fileName, null, file.code(), index, "actors"),
                        "catalog.file.emptyEntry"));
                continue;
            }
            int number = s.number() == null ? index : s.number();
            Problem.Location at = new Problem.Location(fileName, null, file.code(), number, "waktu");
            StandardTime time = timeOf(s, at, problems);
            Decision decision = s.decision() == null || s.decision().returnsTo() == null
                    ? null : new Decision(s.decision().returnsTo());
            steps.add(new Step(number, s.kegiatan(), nonNull(s.actors()), s.kelengkapan(), time, s.output(),
                    s.keterangan(), decision, s.notes() == null ? null : s.notes().stream().filter(Objects::nonNull).toList()));
        }
        return new SopDefinition(Objects.requireNonNullElse(file.code(), ""), file.title(),
                Boolean.TRUE.equals(file.titleInferred()), file.serviceType(), file.identity(), file.serviceStandard(),
                actors, steps, file.notes() == null ? null : file.notes().stream().filter(Objects::nonNull).toList());
    }

    private static StandardTime timeOf(SopFile.StepFile s, Problem.Location at, List<Problem> problems) {
        String printed = s.waktu() == null || s.waktu().isBlank() ? null : s.waktu().strip();
        Optional<StandardTime> fromPrinted = StandardTime.parse(printed);
        if (s.standardTime() == null || s.standardTime().isBlank()) {
            if (fromPrinted.isPresent()) {
                return fromPrinted.get();
            }
            problems.add(Problem.error(at, "catalog.time.unreadable", printed == null ? "" : printed));
            return StandardTime.unknown(printed);
        }
        String resolved = s.standardTime().strip();
        StandardTime time;
        if (resolved.equalsIgnoreCase("unknown")) {
            time = StandardTime.unknown(printed);
        } else {
            Optional<StandardTime> parsed = StandardTime.parse(resolved);
            if (parsed.isEmpty()) {
                problems.add(Problem.error(at.withSop(at.sop()), "catalog.time.unreadable", resolved));
                return StandardTime.unknown(printed);
            }
            time = new StandardTime(parsed.get().amount(), parsed.get().unit(), printed);
        }
        boolean differs = fromPrinted.isEmpty() || fromPrinted.get().amount() != time.amount()
                || fromPrinted.get().unit() != time.unit();
        if (differs && nonNull(s.notes()).isEmpty()) {
            problems.add(Problem.error(at, "catalog.time.overrideWithoutNote"));
        }
        return time;
    }

    static SopFile toFile(SopDefinition sop) {
        List<SopFile.ActorFile> actors = sop.actors().stream()
                .map(a -> new SopFile.ActorFile(a.name(), a.kind() == ActorKind.INTERNAL ? null : a.kind(), a.sourceName()))
                .toList();
        List<SopFile.StepFile> steps = sop.steps().stream().map(SopCodec::toFile).toList();
        return new SopFile(sop.code(), sop.title(), sop.titleInferred() ? Boolean.TRUE : null, sop.serviceType(),
                sop.identity().equals(SopIdentity.EMPTY) ? null : sop.identity(),
                sop.serviceStandard().equals(ServiceStandard.EMPTY) ? null : sop.serviceStandard(),
                actors, steps, sop.notes());
    }

    private static SopFile.StepFile toFile(Step step) {
        StandardTime t = step.waktu();
        Optional<StandardTime> printed = StandardTime.parse(t.text());
        String standardTime = null;
        boolean printedMatches = printed.isPresent() && printed.get().amount() == t.amount() && printed.get().unit() == t.unit();
        if (!printedMatches) {
            standardTime = t.unit() == TimeUnit.UNKNOWN ? "unknown" : switch (t.unit()) {
                case WORKING_MINUTES -> t.amount() + " menit";
                case WORKING_DAYS -> t.amount() + " hari kerja";
                case CALENDAR_MONTHS -> t.amount() + " bulan";
                case UNKNOWN -> "unknown";
            };
        }
        return new SopFile.StepFile(step.number(), step.kegiatan(), step.actors(), step.kelengkapan(), t.text(),
                standardTime, step.output(), step.keterangan(),
                step.decision() == null ? null : new SopFile.DecisionFile(step.decision().returnsTo()), step.notes());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
