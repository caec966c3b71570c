package id.sopan.importer;

import id.sopan.sop.Actor;
import id.sopan.sop.ActorKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds which Pelaksana columns a step's text names. The flowchart marks of the source are often lost,
 * but the Kegiatan nearly always opens with its actor: "Kasubbag Umum membuat surat ...",
 * "Sekretaris Dinas dan Kepala Bidang memenuhi ...".
 */
final class ActorMatcher {

    private static final Set<String> JOINERS = Set.of("dan", "/", "atau", "serta");

    private final List<Actor> actors;
    private final List<List<String>> actorTokens = new ArrayList<>();

    ActorMatcher(List<Actor> actors) {
        this.actors = actors;
        for (Actor actor : actors) {
            actorTokens.add(ActorNames.tokens(actor.name()));
        }
    }

    /** The actors named at the start of the text (several when joined by "dan" or "/"). */
    List<Actor> leadingActors(String text) {
        List<String> words = ActorNames.tokens(text);
        List<Actor> found = new ArrayList<>();
        int position = 0;
        while (position < words.size()) {
            Optional<Match> match = bestAt(words, position);
            if (match.isEmpty()) {
                break;
            }
            if (!found.contains(match.get().actor())) {
                found.add(match.get().actor());
            }
            position = match.get().end();
            if (position < words.size() && JOINERS.contains(words.get(position))) {
                position++;
            } else {
                break;
            }
        }
        return found;
    }

    /** The actor named right after a phrase such as "dikembalikan kepada", if any. */
    Optional<Actor> actorAfter(String text, int charIndex) {
        List<String> words = ActorNames.tokens(text.substring(charIndex));
        int start = 0;
        while (start < words.size() && Set.of("ke", "kepada", "pada", "untuk", "kembali", "bagian").contains(words.get(start))) {
            start++;
        }
        return bestAt(words, start).map(Match::actor);
    }

    private record Match(Actor actor, int end, int score) {
    }

    private Optional<Match> bestAt(List<String> words, int position) {
        Match best = null;
        boolean tie = false;
        for (int i = 0; i < actors.size(); i++) {
            Match m = score(i, words, position);
            if (m == null) {
                continue;
            }
            if (best == null || m.score() > best.score()) {
                best = m;
                tie = false;
            } else if (m.score() == best.score()) {
                tie = true;
            }
        }
        if (best == null) {
            return pemohonAt(words, position);
        }
        return tie ? Optional.empty() : Optional.of(best);
    }

    /**
     * The text must open with the actor's first word; the score counts the actor's words found in the
     * next few words of the text, so "Petugas penata dokumen" matches "Petugas Tenaga Penata Dokumen".
     */
    private Match score(int actorIndex, List<String> words, int position) {
        List<String> name = actorTokens.get(actorIndex);
        if (name.isEmpty() || position >= words.size() || !name.get(0).equals(words.get(position))) {
            return null;
        }
        int window = Math.min(words.size(), position + name.size() + 2);
        int score = 0;
        int end = position;
        for (int w = position; w < window; w++) {
            if (name.contains(words.get(w)) && (w == end)) {
                score++;
                end = w + 1;
            } else if (name.contains(words.get(w)) && w <= end + 1) {
                score++;
                end = w + 1;
            }
        }
        return new Match(actors.get(actorIndex), end, score);
    }

    private Optional<Match> pemohonAt(List<String> words, int position) {
        Optional<Actor> pemohon = actors.stream().filter(a -> a.kind() == ActorKind.PEMOHON).findFirst();
        if (pemohon.isEmpty()) {
            return Optional.empty();
        }
        for (List<String> phrase : ActorNames.PEMOHON_WORDS) {
            int end = position + phrase.size();
            if (end <= words.size() && words.subList(position, end).equals(phrase)) {
                return Optional.of(new Match(pemohon.get(), end, phrase.size()));
            }
        }
        return Optional.empty();
    }
}
