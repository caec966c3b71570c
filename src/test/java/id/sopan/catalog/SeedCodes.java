package id.sopan.catalog;

import java.util.List;

/** The codes of the seed annex's 48 tables, in order, for tests outside this package. */
public final class SeedCodes {

    private SeedCodes() {
    }

    public static List<String> inOrder() {
        return SeedManifest.TABLES.stream().map(SeedManifest.Entry::code).toList();
    }
}
