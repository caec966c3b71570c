package id.sopan.importer;

import id.sopan.sop.ActorKind;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How SOP tables name jabatan: abbreviations (Kasubag, Kabid, Kadis, Kasi), spelling variants and
 * typos. Names are reduced to canonical tokens so that a step's text can be matched to its column.
 */
final class ActorNames {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("kasubag", "kasubbag"), Map.entry("kasub", "kasubbag"), Map.entry("subag", "kasubbag"),
            Map.entry("subbag", "kasubbag"), Map.entry("kasubbbag", "kasubbag"),
            Map.entry("staff", "staf"), Map.entry("kepegawian", "kepegawaian"), Map.entry("kepegawain", "kepegawaian"),
            Map.entry("adm", "pengadministrasi"), Map.entry("pengadministrasian", "pengadministrasi"),
            Map.entry("kemnitraan", "kemitraan"), Map.entry("aneks", "aneka"),
            Map.entry("selda", "setda"), Map.entry("sekda", "setda"), Map.entry("bag", "bagian"),
            Map.entry("fungsional", ""), Map.entry("bagian", ""), Map.entry("seksi", "seksi"));

    private static final Map<String, List<String>> PHRASES = Map.of(
            "kabid", List.of("kepala", "bidang"),
            "kadis", List.of("kepala", "dinas"),
            "kasi", List.of("kepala", "seksi"));

    private static final Pattern EXTERNAL = Pattern.compile(
            "\\b(bkd|bpkad|bappeda|setda|sekda|tpad|tim anggaran pemerintah daerah|notaris|pt\\.?|taspen|askes|"
                    + "inspektorat|menteri|kementerian|bank|bupati|dprd|kua|camat)\\b",
            Pattern.CASE_INSENSITIVE);

    private ActorNames() {
    }

    /** Canonical tokens of a name or a text: lower case, no accents or punctuation, abbreviations spelled out. */
    static List<String> tokens(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replaceAll("<[^>]*>", " ")
                .toLowerCase(Locale.ROOT)
                .replace("ka sub bag", "kasubbag").replace("ka. sub bag", "kasubbag").replace("sub bag", "subbag");
        List<String> out = new ArrayList<>();
        for (String raw : plain.split("[^a-z0-9/]+")) {
            for (String word : raw.split("(?<=/)|(?=/)")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (PHRASES.containsKey(word)) {
                    out.addAll(PHRASES.get(word));
                    continue;
                }
                String canonical = WORDS.getOrDefault(word, word);
                if (!canonical.isEmpty()) {
                    out.add(canonical);
                }
            }
        }
        return out;
    }

    static ActorKind guessKind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("pemohon") || lower.equals("pegawai")) {
            return ActorKind.PEMOHON;
        }
        return EXTERNAL.matcher(lower).find() ? ActorKind.EXTERNAL : ActorKind.INTERNAL;
    }

    /** Words that, leading a step's text, stand for the pemohon's column. */
    static final List<List<String>> PEMOHON_WORDS = Arrays.asList(
            List.of("pemohon"), List.of("koperasi"), List.of("kelompok", "masyarakat"), List.of("sekelompok", "masyarakat"),
            List.of("masyarakat"), List.of("pelaku", "ukm"), List.of("pegawai"));
}
