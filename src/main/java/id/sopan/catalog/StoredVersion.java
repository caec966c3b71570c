package id.sopan.catalog;

import java.time.OffsetDateTime;

/**
 * A stored version of an SOP, without its definition.
 *
 * @param versionNo   the version's number within its SOP, 1..n
 * @param lockVersion the optimistic-lock counter: pass it as {@code expectedVersion} to change the version
 * @param contentHash SHA-256 (hex) of the definition's stored JSON
 * @param ratifiedAt  when it became berlaku, or null
 * @param revokedAt   when it was revoked or superseded, or null
 */
public record StoredVersion(String officeCode, String code, int versionNo, SopStatus status, int lockVersion,
                            String contentHash, OffsetDateTime createdAt, OffsetDateTime ratifiedAt,
                            OffsetDateTime revokedAt) {
}
