package id.sopan.organization;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The organization files: the bundled one is complete and consistent, a broken one is refused with every problem. */
class OrganizationFilesTest {

    @Test
    void theBundledFileIsConsistent() {
        List<OrganizationFiles.File> files = OrganizationFiles.loadBundled();

        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.office().code()).isEqualTo("DKUKM");
            assertThat(file.units()).hasSize(14);
            assertThat(file.jabatan()).hasSize(31).filteredOn(j -> j.atasan() == null)
                    .extracting(OrganizationFiles.JabatanEntry::code).containsExactly("KADIS");
            // Every jabatan has a demo account; "pegawai" is one more, and two evaluators from outside hold none.
            assertThat(file.demoUsers().stream().map(OrganizationFiles.DemoUser::jabatan).filter(j -> j != null)
                    .collect(Collectors.toSet()))
                    .isEqualTo(file.jabatan().stream().map(OrganizationFiles.JabatanEntry::code)
                            .collect(Collectors.toSet()));
            assertThat(file.demoUsers()).hasSize(34).allMatch(u -> OrganizationFiles.isNip(u.nip()));
            assertThat(file.demoUsers()).filteredOn(u -> u.jabatan() == null)
                    .extracting(OrganizationFiles.DemoUser::username)
                    .containsExactly("evaluator.organisasi", "inspektorat");
            // "Atasan langsung": the structural jabatan, every atasan among them.
            Set<String> structural = file.jabatan().stream().filter(j -> j.kind() == JabatanKind.STRUCTURAL)
                    .map(OrganizationFiles.JabatanEntry::code).collect(Collectors.toSet());
            Set<String> superiors = file.jabatan().stream().map(OrganizationFiles.JabatanEntry::atasan)
                    .filter(a -> a != null).collect(Collectors.toSet());
            assertThat(structural).containsAll(superiors).hasSize(14);
            assertThat(file.groups()).filteredOn(g -> g.code().equals("ATASAN-LANGSUNG")).singleElement()
                    .satisfies(g -> assertThat(Set.copyOf(g.members())).isEqualTo(structural));
        });
    }

    @Test
    void aBrokenFileIsRefusedNamingEveryProblem() {
        String yaml = """
                office: { code: TST, name: Dinas Uji }
                units:
                  - { code: DINAS, name: Dinas }
                  - { code: BIDANG, name: Bidang, parent: NOWHERE }
                jabatan:
                  - { code: KADIS, name: Kepala, unit: DINAS, kind: STRUCTURAL }
                  - { code: WAKIL, name: Wakil, unit: DINAS, kind: STRUCTURAL }
                  - { code: A, name: A, unit: DINAS, atasan: B, kind: STAFF }
                  - { code: B, name: B, unit: DINAS, atasan: A, kind: STAFF }
                  - { code: A, name: A lagi, unit: DINAS, kind: STAFF }
                groups:
                  - { code: G, name: G, members: [KADIS, GHOST] }
                  - { code: EMPTY, name: Kosong }
                assignments:
                  - { actor: Kepala, jabatan: KADIS, group: G }
                  - { actor: Staf, sop: UMM-01, sopPrefix: UMM-, jabatan: KADIS }
                  - { actor: BKD, institution: BKD }
                demoUsers:
                  - { username: kadis, jabatan: KADIS, fullName: Kepala, nip: "196904011998031001" }
                  - { username: kadis, jabatan: KADIS, fullName: Kepala, nip: "19690401199803100X" }
                  - { username: lain, jabatan: KADIS, fullName: Lain, nip: "196913401998031001" }
                """;

        assertThatThrownBy(() -> OrganizationFiles.read("tst.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tst.yaml: ")
                .hasMessageContaining("unit BIDANG: parent NOWHERE is not a unit")
                .hasMessageContaining("jabatan: code A is repeated")
                .hasMessageContaining("exactly one jabatan has no atasan")
                .hasMessageContaining("runs in a circle")
                .hasMessageContaining("group G: member GHOST is not a jabatan")
                .hasMessageContaining("group EMPTY: give either members or allJabatan: true")
                .hasMessageContaining("assignment of \"Kepala\": name exactly one of jabatan, group, institution")
                .hasMessageContaining("assignment of \"Staf\": give sop or sopPrefix, not both")
                .hasMessageContaining("institution BKD is not an institution")
                .hasMessageContaining("demo user kadis: username missing or repeated")
                .hasMessageContaining("nip 19690401199803100X is not a well-formed NIP")
                .hasMessageContaining("nip 196913401998031001 is not a well-formed NIP");
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertThatThrownBy(() -> OrganizationFiles.read("tst.yaml",
                "office: { code: TST, name: Uji }\njabatans: []\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tst.yaml: not a valid organization file")
                .hasMessageContaining("jabatans");
    }

    @Test
    void aNipIsEighteenDigitsWithABirthDateAMonthAndAGender() {
        assertThat(OrganizationFiles.isNip("196904011998031001")).isTrue();
        assertThat(OrganizationFiles.isNip("198811122011042002")).isTrue();
        assertThat(OrganizationFiles.isNip("19690401199803100")).isFalse();   // 17 digits
        assertThat(OrganizationFiles.isNip("196902301998031001")).isFalse();  // 30 February
        assertThat(OrganizationFiles.isNip("196904011998131001")).isFalse();  // month 13
        assertThat(OrganizationFiles.isNip("196904011998033001")).isFalse();  // gender 3
        assertThat(OrganizationFiles.isNip(null)).isFalse();
    }
}
