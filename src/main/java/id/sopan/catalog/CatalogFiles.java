package id.sopan.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sopan.organization.Office;
import id.sopan.sop.Problem;
import id.sopan.sop.ServiceStandard;
import id.sopan.sop.Signatory;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.SopIdentity;
import id.sopan.sop.SopValidator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the catalog's data files: a folder per office holding {@code office.yaml} and one YAML file per
 * SOP, named by its code. The office's identity defaults (the regulation's number, its dasar hukum, who
 * signed it) fill the identity fields an SOP file leaves empty.
 */
public final class CatalogFiles {

    /** Where the catalog sits inside the jar. */
    public static final String BUNDLED = "catalog";
    public static final String OFFICE_FILE = "office.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    /** Everything read, and every problem found (parse errors and validation), each naming its file. */
    public record Result(List<OfficeCatalog> offices, List<Problem> problems) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }

        public int sopCount() {
            return offices.stream().mapToInt(o -> o.sops().size()).sum();
        }
    }

    record OfficeFile(Office office, String regulation, SopIdentity identity, ServiceStandard serviceStandard) {
    }

    private CatalogFiles() {
    }

    /** The catalog shipped in the jar (or in target/classes when run from the build). */
    public static Result loadBundled() {
        URL url = CatalogFiles.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            return new Result(List.of(), List.of());
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                // Path.of(uri) resolves the entry inside whichever jar the URI names: a plain jar, or
                // Spring Boot's nested BOOT-INF/classes (jar:nested:...!/catalog), whose root is the classes folder.
                try (FileSystem fs = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return load(Path.of(url.toURI()), fs);
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    FileSystem fs = FileSystems.getFileSystem(url.toURI());
                    return load(Path.of(url.toURI()), fs);
                }
            }
            return load(Path.of(url.toURI()), null);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the bundled catalog at " + url, e);
        }
    }

    /** A folder of office folders, or a single office folder (holding office.yaml). */
    public static Result loadDirectory(Path dir) {
        return load(dir, null);
    }

    private static Result load(Path root, FileSystem fs) {
        List<Problem> problems = new ArrayList<>();
        List<OfficeCatalog> offices = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(Problem.error(new Problem.Location(root.toString(), null, null, null, null),
                    "catalog.file.unreadable", "not a directory"));
            return new Result(offices, problems);
        }
        List<Path> officeDirs = new ArrayList<>();
        if (Files.exists(root.resolve(OFFICE_FILE))) {
            officeDirs.add(root);
        } else {
            try (Stream<Path> children = Files.list(root)) {
                children.filter(p -> Files.exists(p.resolve(OFFICE_FILE))).sorted().forEach(officeDirs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path dir : officeDirs) {
            readOffice(dir, problems).ifPresent(offices::add);
        }
        return new Result(offices, problems);
    }

    private static java.util.Optional<OfficeCatalog> readOffice(Path dir, List<Problem> problems) {
        Path officePath = dir.resolve(OFFICE_FILE);
        String officeName = displayName(officePath);
        OfficeFile officeFile;
        try {
            officeFile = YAML.readValue(Files.readString(officePath, StandardCharsets.UTF_8), OfficeFile.class);
        } catch (JacksonException | IOException e) {
            problems.add(Problem.error(new Problem.Location(officeName, null, null, null, null),
                    "catalog.file.unreadable", e.getMessage()));
            return java.util.Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals(OFFICE_FILE))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SopDefinition> sops = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : files) {
            String name = displayName(file);
            String text;
            try (InputStream in = Files.newInputStream(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(Problem.error(new Problem.Location(name, null, null, null, null),
                        "catalog.file.unreadable", e.getMessage()));
                continue;
            }
            SopCodec.Read read = SopCodec.readYaml(name, text);
            problems.addAll(read.problems());
            if (read.sop() == null) {
                continue;
            }
            SopDefinition sop = withDefaults(read.sop(), officeFile);
            String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!expected.equals(sop.code())) {
                problems.add(Problem.error(new Problem.Location(name, null, sop.code(), null, "code"),
                        "catalog.file.codeMismatch", sop.code(), expected));
            }
            if (seen.containsKey(sop.code())) {
                problems.add(Problem.error(new Problem.Location(name, null, sop.code(), null, "code"),
                        "catalog.file.duplicateCode", sop.code(), seen.get(sop.code())));
                continue;
            }
            seen.put(sop.code(), name);
            for (Problem p : Problem.notAlreadyReported(read.problems(), SopValidator.validate(sop))) {
                problems.add(p.at(p.location().withFile(name)));
            }
            sops.add(sop);
            names.add(name);
        }
        return java.util.Optional.of(new OfficeCatalog(officeFile.office(), officeFile.regulation(), sops, names));
    }

    /** Fills the identity and service-standard fields the SOP leaves empty from the office's defaults. */
    static SopDefinition withDefaults(SopDefinition sop, OfficeFile office) {
        SopIdentity d = office.identity() == null ? SopIdentity.EMPTY : office.identity();
        SopIdentity s = sop.identity();
        Signatory signatory = isEmpty(s.disahkanOleh()) ? d.disahkanOleh() : s.disahkanOleh();
        SopIdentity identity = new SopIdentity(
                or(s.nomor(), d.nomor()), or(s.tanggalPembuatan(), d.tanggalPembuatan()),
                or(s.tanggalRevisi(), d.tanggalRevisi()), or(s.tanggalEfektif(), d.tanggalEfektif()), signatory,
                or(s.dasarHukum(), d.dasarHukum()), or(s.kualifikasiPelaksana(), d.kualifikasiPelaksana()),
                or(s.keterkaitan(), d.keterkaitan()), or(s.peralatanPerlengkapan(), d.peralatanPerlengkapan()),
                or(s.peringatan(), d.peringatan()), or(s.pencatatanPendataan(), d.pencatatanPendataan()));
        ServiceStandard ds = office.serviceStandard() == null ? ServiceStandard.EMPTY : office.serviceStandard();
        ServiceStandard ss = sop.serviceStandard();
        // Pasal 7 fields the table itself answers: the kegiatan is the SOP's name, the persyaratan are what
        // its first step needs.
        String firstInputs = sop.steps().isEmpty() ? null : sop.steps().get(0).kelengkapan();
        ServiceStandard standard = new ServiceStandard(
                or(ss.jenisKegiatan(), or(ds.jenisKegiatan(), sop.title())), or(ss.dasarHukum(), ds.dasarHukum()),
                or(ss.klasifikasiSasaran(), ds.klasifikasiSasaran()),
                or(ss.persyaratan(), or(ds.persyaratan(), firstInputs == null ? List.<String>of() : List.of(firstInputs))),
                or(ss.biaya(), ds.biaya()), or(ss.formulirPelayanan(), ds.formulirPelayanan()),
                or(ss.saranaPrasarana(), ds.saranaPrasarana()));
        return new SopDefinition(sop.code(), sop.title(), sop.titleInferred(), sop.serviceType(), identity, standard,
                sop.actors(), sop.steps(), sop.notes());
    }

    private static boolean isEmpty(Signatory s) {
        return s == null || (s.jabatan() == null && s.nama() == null && s.nip() == null);
    }

    private static <T> T or(T value, T fallback) {
        if (value == null || (value instanceof String str && str.isBlank())
                || (value instanceof List<?> list && list.isEmpty())) {
            return fallback;
        }
        return value;
    }

    private static String displayName(Path file) {
        Path parent = file.getParent();
        return (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/") + file.getFileName();
    }

    static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }
}
