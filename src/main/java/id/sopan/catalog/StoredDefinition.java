package id.sopan.catalog;

import id.sopan.sop.SopDefinition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A definition in its stored form: the JSON and its SHA-256, which tells whether two versions differ. */
record StoredDefinition(SopDefinition sop, String json, String hash) {

    static StoredDefinition of(SopDefinition sop) {
        String json = SopCodec.toJson(sop);
        return new StoredDefinition(sop, json, sha256(json));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
