package id.sopan.sop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SopValidatorTest {

    private static final String CODE = "UMM-06";
    private static final Actor PEMOHON = new Actor("Pemohon", ActorKind.PEMOHON);
    private static final Actor STAF = new Actor("Staf Kepegawaian", ActorKind.INTERNAL);
    private static final Actor BKD = new Actor("BKD", ActorKind.EXTERNAL);

    private static Step step(int number, String actor) {
        return new Step(number, actor + " mengerjakan langkah " + number, List.of(actor), "Berkas",
                StandardTime.minutes(10, "10 menit"), "Berkas", null, null, null);
    }

    /** Pemohon submits, Staf checks (back to 1 if wrong), BKD decides, Pemohon receives. */
    private static SopDefinition valid() {
        Step check = new Step(2, "Staf Kepegawaian meneliti berkas, jika belum sesuai dikembalikan kepada pemohon",
                List.of(STAF.name()), "Berkas", StandardTime.minutes(30, "30 menit"), "Berkas", null,
                new Decision(1), null);
        return new SopDefinition(CODE, "Pembuatan Usulan Permohonan Cuti Tahunan", false, ServiceType.KESEKRETARIATAN,
                null, null, List.of(PEMOHON, STAF, BKD),
                List.of(step(1, PEMOHON.name()), check, step(3, BKD.name()), step(4, PEMOHON.name())), null);
    }

    private static SopDefinition withSteps(SopDefinition sop, List<Step> steps) {
        return new SopDefinition(sop.code(), sop.title(), sop.titleInferred(), sop.serviceType(), sop.identity(),
                sop.serviceStandard(), sop.actors(), steps, sop.notes());
    }

    private static SopDefinition withActors(SopDefinition sop, List<Actor> actors) {
        return new SopDefinition(sop.code(), sop.title(), sop.titleInferred(), sop.serviceType(), sop.identity(),
                sop.serviceStandard(), actors, sop.steps(), sop.notes());
    }

    private static SopDefinition withStep(int index, UnaryOperator<Step> change) {
        SopDefinition sop = valid();
        List<Step> steps = new ArrayList<>(sop.steps());
        steps.set(index, change.apply(steps.get(index)));
        return withSteps(sop, steps);
    }

    private static Step copy(Step s, Integer number, String kegiatan, List<String> actors, StandardTime waktu,
                             Decision decision, List<String> notes) {
        return new Step(number == null ? s.number() : number, kegiatan == null ? s.kegiatan() : kegiatan,
                actors == null ? s.actors() : actors, s.kelengkapan(), waktu == null ? s.waktu() : waktu, s.output(),
                s.keterangan(), decision, notes == null ? s.notes() : notes);
    }

    record Case(String name, SopDefinition sop, String key, String sopName, Integer step, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> failingCases() {
        SopDefinition v = valid();
        return Stream.of(
                new Case("bad code format", v.withCode("umm-6"), "validation.code.format", "umm-6", null, "code"),
                new Case("missing title", new SopDefinition(CODE, "  ", false, v.serviceType(), null, null,
                        v.actors(), v.steps(), null), "validation.required", CODE, null, "title"),
                new Case("missing serviceType", new SopDefinition(CODE, v.title(), false, null, null, null,
                        v.actors(), v.steps(), null), "validation.required", CODE, null, "serviceType"),
                new Case("no actors", withActors(v, List.of()), "validation.actors.none", CODE, null, "actors"),
                new Case("blank actor name", withActors(v, List.of(PEMOHON, STAF, BKD, new Actor(" ", ActorKind.INTERNAL))),
                        "validation.actor.blank", CODE, null, "actors"),
                new Case("duplicate actor", withActors(v, List.of(PEMOHON, STAF, BKD, new Actor("BKD", ActorKind.INTERNAL))),
                        "validation.actor.duplicate", CODE, null, "actors"),
                new Case("unused actor column", withActors(v, List.of(PEMOHON, STAF, BKD,
                        new Actor("Kepala Dinas", ActorKind.INTERNAL))), "validation.actor.unused", CODE, null, "actors"),
                new Case("fewer than 2 steps", withSteps(withActors(v, List.of(PEMOHON)), List.of(step(1, "Pemohon"))),
                        "validation.steps.tooFew", CODE, null, "steps"),
                new Case("numbering gap", withStep(3, s -> copy(s, 5, null, null, null, null, null)),
                        "validation.step.numbering", CODE, 5, "number"),
                new Case("blank kegiatan", withStep(2, s -> copy(s, null, " ", null, null, null, null)),
                        "validation.required", CODE, 3, "kegiatan"),
                new Case("step without actor", withStep(0, s -> copy(s, null, null, List.of(), null, null, null)),
                        "validation.step.noActor", CODE, 1, "actors"),
                new Case("step actor not among the SOP's actors",
                        withStep(2, s -> copy(s, null, null, List.of("BKD", "Kepala Dinas"), null, null, null)),
                        "validation.step.unknownActor", CODE, 3, "actors"),
                new Case("same actor twice in a step",
                        withStep(2, s -> copy(s, null, null, List.of("BKD", "BKD"), null, null, null)),
                        "validation.step.repeatedActor", CODE, 3, "actors"),
                new Case("decision target not earlier", withStep(1, s -> copy(s, null, null, null, null, new Decision(2), null)),
                        "validation.decision.notEarlier", CODE, 2, "decision"),
                new Case("decision target later", withStep(1, s -> copy(s, null, null, null, null, new Decision(4), null)),
                        "validation.decision.notEarlier", CODE, 2, "decision"),
                new Case("decision target missing", withStep(1, s -> copy(s, null, null, null, null, new Decision(0), null)),
                        "validation.decision.noTarget", CODE, 2, "decision"),
                new Case("decision on the last step", withStep(3, s -> copy(s, null, null, null, null, new Decision(3), null)),
                        "validation.decision.last", CODE, 4, "decision"),
                new Case("unknown time without a note",
                        withStep(2, s -> copy(s, null, null, null, StandardTime.unknown(null), null, List.of())),
                        "validation.time.unknownWithoutNote", CODE, 3, "waktu"),
                new Case("zero time", withStep(2, s -> copy(s, null, null, null, StandardTime.minutes(0, "0 menit"), null, null)),
                        "validation.time.notPositive", CODE, 3, "waktu"),
                new Case("negative time", withStep(2, s -> copy(s, null, null, null,
                        new StandardTime(-2, TimeUnit.WORKING_DAYS, null), null, null)),
                        "validation.time.notPositive", CODE, 3, "waktu"));
    }

    @Test
    void aValidSopHasNoProblems() {
        assertThat(SopValidator.validate(valid())).isEmpty();
    }

    @Test
    void unknownTimeWithANoteIsAccepted() {
        SopDefinition sop = withStep(2, s -> copy(s, null, null, null, StandardTime.unknown("3:30 menit"), null,
                List.of("Waktu tercetak tidak terbaca")));
        assertThat(SopValidator.validate(sop)).isEmpty();
    }

    @Test
    void decisionBackToTheFirstStepIsAccepted() {
        SopDefinition sop = withStep(2, s -> copy(s, null, null, null, null, new Decision(1), null));
        assertThat(SopValidator.validate(sop)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingCases")
    void eachRuleNamesSopStepAndField(Case c) {
        List<Problem> problems = SopValidator.validate(c.sop());

        assertThat(problems).as("problems of %s", c.name()).filteredOn(p -> p.key().equals(c.key()))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.isError()).isTrue();
                    assertThat(p.location().sop()).isEqualTo(c.sopName());
                    assertThat(p.location().step()).isEqualTo(c.step());
                    assertThat(p.location().field()).isEqualTo(c.field());
                });
    }

    @Test
    void problemArgumentsNameWhatIsWrong() {
        assertThat(single(withActors(valid(), List.of(PEMOHON, STAF, BKD, new Actor("Kepala Dinas", ActorKind.INTERNAL))),
                "validation.actor.unused").args()).containsExactly("Kepala Dinas");
        assertThat(single(withStep(3, s -> copy(s, 5, null, null, null, null, null)), "validation.step.numbering").args())
                .containsExactly(5, 4);
        assertThat(single(withSteps(withActors(valid(), List.of(PEMOHON)), List.of(step(1, "Pemohon"))),
                "validation.steps.tooFew").args()).containsExactly(1);
        assertThat(single(withStep(1, s -> copy(s, null, null, null, null, new Decision(0), null)),
                "validation.decision.noTarget").args()).containsExactly(0);
    }

    @Test
    void aGapInTheMiddleIsReportedAtTheStepWhereItStarts() {
        // 1, 2, 4: step 4 is where the sequence breaks (it should be 3).
        SopDefinition sop = withSteps(valid(), List.of(valid().steps().get(0), valid().steps().get(1),
                copy(valid().steps().get(3), 4, null, null, null, null, null)));
        sop = withActors(sop, List.of(PEMOHON, STAF));
        List<Problem> problems = SopValidator.validate(sop);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("validation.step.numbering");
            assertThat(p.location().step()).isEqualTo(4);
            assertThat(p.args()).containsExactly(4, 3);
        });
    }

    private static Problem single(SopDefinition sop, String key) {
        List<Problem> found = SopValidator.validate(sop).stream().filter(p -> p.key().equals(key)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingCases")
    void rendersInIndonesianAndEnglish(Case c) {
        Messages indonesian = Messages.forLanguage(null);
        Messages english = Messages.forLanguage("en");
        for (Problem p : SopValidator.validate(c.sop())) {
            String id = p.render(indonesian);
            String en = p.render(english);
            assertThat(id).doesNotContain(p.key()).doesNotContain("field.").doesNotContain("problem.");
            assertThat(en).doesNotContain(p.key()).doesNotContain("field.").doesNotContain("problem.");
            assertThat(id).isNotEqualTo(en);
            assertThat(id).contains("SOP " + c.sopName());
            assertThat(en).contains("SOP " + c.sopName());
            if (p.location().step() != null) {
                assertThat(id).contains("langkah " + p.location().step());
                assertThat(en).contains("step " + p.location().step());
            }
        }
    }

    @Test
    void rendersTheFieldByName() {
        Problem p = single(withStep(2, s -> copy(s, null, null, null, StandardTime.minutes(0, "0 menit"), null, null)),
                "validation.time.notPositive");
        assertThat(p.render(Messages.forLanguage("id")))
                .isEqualTo("SOP UMM-06, langkah 3, Waktu: waktu harus lebih dari nol, tertulis 0");
        assertThat(p.render(Messages.forLanguage("en")))
                .isEqualTo("SOP UMM-06, step 3, Waktu (standard time): the time must be more than zero, it is 0");
        assertThat(Messages.forLanguage("").locale()).isEqualTo(Messages.INDONESIAN);
    }

    @Test
    void warningsAndFileLocationsRender() {
        Problem p = Problem.warning(new Problem.Location("sop.txt", 12, "UMM-06", 3, "waktu"), "import.time.missing");
        assertThat(p.render(Messages.forLanguage("en")))
                .isEqualTo("[warning] sop.txt:12: SOP UMM-06, step 3, Waktu (standard time): no time is printed; taken as unknown");
        Problem lineOnly = Problem.error(new Problem.Location(null, 7, null, null, null), "import.file.empty");
        assertThat(lineOnly.render(Messages.forLanguage("id"))).isEqualTo("baris 7: berkas kosong");
    }

    // --- every message key used by the code exists in both bundles ---------------------------------

    private static final Pattern KEY = Pattern.compile("\"((?:validation|import|catalog|cli|problem|field)\\.[a-zA-Z.]+)\"");
    /** The field argument of a Location or of an at(...) helper: the last, quoted, dot-free argument. */
    private static final Pattern FIELD = Pattern.compile("(?:Location|\\bat)\\([^;()]*?(?:\\([^;()]*\\)[^;()]*?)*,\\s*\"([a-zA-Z]+)\"\\s*\\)");
    private static final Set<String> FIELDS = Set.of("code", "title", "serviceType", "actors", "steps", "number",
            "kegiatan", "kelengkapan", "waktu", "output", "keterangan", "decision");

    @Test
    void everyKeyUsedInTheCodeExistsInBothBundles() throws IOException {
        Set<String> keys = new TreeSet<>();
        Set<String> scannedFields = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Matcher k = KEY.matcher(text);
            while (k.find()) {
                keys.add(k.group(1));
            }
            Matcher f = FIELD.matcher(text);
            while (f.find()) {
                scannedFields.add(f.group(1));
            }
        }
        // The scan sees the fields of the validator's and importer's locations.
        assertThat(scannedFields).contains("code", "title", "kegiatan", "waktu", "decision", "output", "number");
        Set<String> fields = new TreeSet<>(FIELDS);
        fields.addAll(scannedFields);
        fields.forEach(f -> keys.add("field." + f));
        // Sanity: the scan does find the keys we know are used.
        assertThat(keys).contains("validation.code.format", "import.header.notFound", "problem.where.sop",
                "catalog.file.unreadable", "cli.help", "field.waktu");

        Properties indonesian = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        assertThat(keys).allSatisfy(key -> {
            assertThat(indonesian).as("messages.properties").containsKey(key);
            assertThat(english).as("messages_en.properties").containsKey(key);
        });
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        Properties indonesian = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(indonesian.stringPropertyNames());
    }

    private static Properties bundle(String name) {
        Properties props = new Properties();
        try (InputStream in = SopValidatorTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

}
