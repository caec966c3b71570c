package id.sopan.organization;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the organization files ({@code organization/<office>.yaml}): one office's units, jabatan, groups,
 * institutions, actor assignments and demo accounts. A file is checked as a whole (every code it refers to
 * exists, no cycle in the hierarchy, one head) and refused with every problem named.
 */
final class OrganizationFiles {

    static final String BUNDLED = "classpath*:organization/*.yaml";

    private static final Pattern NIP = Pattern.compile("\\d{18}");
    private static final int MAX_BYTES = 1_000_000;

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record File(Office office, List<Unit> units, List<JabatanEntry> jabatan, List<Group> groups,
                List<Institution> institutions, List<Assignment> assignments, List<DemoUser> demoUsers) {
        File {
            units = nonNull(units);
            jabatan = nonNull(jabatan);
            groups = nonNull(groups);
            institutions = nonNull(institutions);
            assignments = nonNull(assignments);
            demoUsers = nonNull(demoUsers);
        }
    }

    record Unit(String code, String name, String parent) {
    }

    record JabatanEntry(String code, String name, String unit, String atasan, JabatanKind kind) {
    }

    record Group(String code, String name, GroupScope scope, List<String> members, Boolean allJabatan) {
        Group {
            scope = scope == null ? GroupScope.ALL_MEMBERS : scope;
            allJabatan = Boolean.TRUE.equals(allJabatan);
            members = nonNull(members);
        }
    }

    record Institution(String code, String name) {
    }

    /** Exactly one of {@code jabatan}, {@code group}, {@code institution}; at most one of {@code sop}, {@code sopPrefix}. */
    record Assignment(String actor, String sop, String sopPrefix, String jabatan, String group, String institution) {
    }

    record DemoUser(String username, String jabatan, String fullName, String nip) {
    }

    private OrganizationFiles() {
    }

    /** Every organization file in the jar (or in target/classes), ordered by name. */
    static List<File> loadBundled() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(BUNDLED);
            Arrays.sort(resources, Comparator.comparing(r -> Objects.toString(r.getFilename(), "")));
            List<File> files = new ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    files.add(read(resource.getFilename(), in.readNBytes(MAX_BYTES + 1)));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the organization files", e);
        }
    }

    /** Parses and checks one file; {@link IllegalArgumentException} lists every problem with the file's name. */
    static File read(String name, byte[] yaml) {
        if (yaml.length > MAX_BYTES) {
            throw new IllegalArgumentException(name + ": larger than " + MAX_BYTES + " bytes");
        }
        File file;
        try {
            file = YAML.readValue(yaml, File.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(name + ": not a valid organization file: " + e.getOriginalMessage(), e);
        }
        List<String> problems = check(file);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + problems.size() + " problem(s): "
                    + String.join("; ", problems));
        }
        return file;
    }

    static List<String> check(File file) {
        List<String> problems = new ArrayList<>();
        if (file.office() == null || blank(file.office().code())) {
            problems.add("office.code is missing");
        }
        Set<String> units = codes("units", file.units(), Unit::code, problems);
        Set<String> jabatan = codes("jabatan", file.jabatan(), JabatanEntry::code, problems);
        Set<String> groups = codes("groups", file.groups(), Group::code, problems);
        Set<String> institutions = codes("institutions", file.institutions(), Institution::code, problems);

        Map<String, String> unitParent = new HashMap<>();
        for (Unit unit : file.units()) {
            require(!blank(unit.name()), "unit " + unit.code() + ": name is missing", problems);
            if (unit.parent() != null) {
                require(units.contains(unit.parent()), "unit " + unit.code() + ": parent " + unit.parent()
                        + " is not a unit", problems);
                unitParent.put(unit.code(), unit.parent());
            }
        }
        noCycle("unit", unitParent, problems);

        Map<String, String> atasan = new HashMap<>();
        List<String> heads = new ArrayList<>();
        for (JabatanEntry j : file.jabatan()) {
            require(!blank(j.name()), "jabatan " + j.code() + ": name is missing", problems);
            require(j.kind() != null, "jabatan " + j.code() + ": kind is missing", problems);
            require(units.contains(j.unit()), "jabatan " + j.code() + ": unit " + j.unit() + " is not a unit", problems);
            if (j.atasan() == null) {
                heads.add(j.code());
            } else {
                require(jabatan.contains(j.atasan()), "jabatan " + j.code() + ": atasan " + j.atasan()
                        + " is not a jabatan", problems);
                atasan.put(j.code(), j.atasan());
            }
        }
        require(file.jabatan().isEmpty() || heads.size() == 1,
                "exactly one jabatan has no atasan (the head of the office), found " + heads, problems);
        noCycle("jabatan", atasan, problems);

        for (Group g : file.groups()) {
            require(!blank(g.name()), "group " + g.code() + ": name is missing", problems);
            require(g.allJabatan() != !g.members().isEmpty(),
                    "group " + g.code() + ": give either members or allJabatan: true", problems);
            g.members().stream().filter(m -> !jabatan.contains(m))
                    .forEach(m -> problems.add("group " + g.code() + ": member " + m + " is not a jabatan"));
        }
        for (Institution i : file.institutions()) {
            require(!blank(i.name()), "institution " + i.code() + ": name is missing", problems);
        }
        for (Assignment a : file.assignments()) {
            String where = "assignment of \"" + a.actor() + "\"";
            require(!blank(a.actor()), where + ": actor is missing", problems);
            require(a.sop() == null || a.sopPrefix() == null, where + ": give sop or sopPrefix, not both", problems);
            require(a.sopPrefix() == null || !a.sopPrefix().isBlank(), where + ": sopPrefix is empty", problems);
            long targets = java.util.stream.Stream.of(a.jabatan(), a.group(), a.institution())
                    .filter(Objects::nonNull).count();
            require(targets == 1, where + ": name exactly one of jabatan, group, institution", problems);
            require(a.jabatan() == null || jabatan.contains(a.jabatan()),
                    where + ": jabatan " + a.jabatan() + " is not a jabatan", problems);
            require(a.group() == null || groups.contains(a.group()),
                    where + ": group " + a.group() + " is not a group", problems);
            require(a.institution() == null || institutions.contains(a.institution()),
                    where + ": institution " + a.institution() + " is not an institution", problems);
        }
        Set<String> usernames = new HashSet<>();
        Set<String> nips = new HashSet<>();
        for (DemoUser u : file.demoUsers()) {
            String where = "demo user " + u.username();
            require(!blank(u.username()) && usernames.add(u.username()), where + ": username missing or repeated",
                    problems);
            require(!blank(u.fullName()), where + ": fullName is missing", problems);
            // Evaluators from outside the office (Bagian Organisasi, Inspektorat) hold none of its jabatan.
            require(u.jabatan() == null || jabatan.contains(u.jabatan()),
                    where + ": jabatan " + u.jabatan() + " is not a jabatan", problems);
            require(u.nip() == null || (isNip(u.nip()) && nips.add(u.nip())),
                    where + ": nip " + u.nip() + " is not a well-formed NIP of 18 digits, or is repeated", problems);
        }
        return problems;
    }

    /**
     * A well-formed NIP: 18 digits, a real birth date (yyyyMMdd), a month of appointment (yyyyMM) and the
     * gender digit 1 or 2.
     */
    static boolean isNip(String nip) {
        if (nip == null || !NIP.matcher(nip).matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(nip.substring(0, 4)), Integer.parseInt(nip.substring(4, 6)),
                    Integer.parseInt(nip.substring(6, 8)));
            int month = Integer.parseInt(nip.substring(12, 14));
            char gender = nip.charAt(14);
            return month >= 1 && month <= 12 && (gender == '1' || gender == '2');
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static <T> Set<String> codes(String list, List<T> entries, Function<T, String> code, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (T entry : entries) {
            String c = code.apply(entry);
            if (blank(c)) {
                problems.add(list + ": an entry has no code");
            } else if (!seen.add(c)) {
                problems.add(list + ": code " + c + " is repeated");
            }
        }
        return seen;
    }

    private static void noCycle(String what, Map<String, String> up, List<String> problems) {
        for (String start : up.keySet()) {
            Set<String> seen = new HashSet<>();
            for (String at = start; at != null; at = up.get(at)) {
                if (!seen.add(at)) {
                    problems.add(what + " " + start + ": its chain of superiors runs in a circle");
                    break;
                }
            }
        }
    }

    private static void require(boolean ok, String problem, List<String> problems) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
