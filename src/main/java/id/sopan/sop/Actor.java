package id.sopan.sop;

import java.util.Objects;

/**
 * One Pelaksana column of an SOP.
 *
 * @param name       the column's name, as used by the steps (unique within the SOP)
 * @param kind       internal jabatan, external institution or the pemohon
 * @param sourceName the header as the source printed it, when it differs from {@code name} (a typo resolved)
 */
public record Actor(String name, ActorKind kind, String sourceName) {
    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (sourceName != null && sourceName.equals(name)) {
            sourceName = null;
        }
    }

    public Actor(String name, ActorKind kind) {
        this(name, kind, null);
    }
}
