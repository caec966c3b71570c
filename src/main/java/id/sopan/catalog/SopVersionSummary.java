package id.sopan.catalog;

import id.sopan.sop.ServiceType;

import java.time.OffsetDateTime;

/**
 * One version of an SOP as the authoring pages list it, without its definition.
 *
 * @param lockVersion the optimistic-lock counter: pass it as {@code expectedVersion} to change the version
 * @param submitted   a DRAFT submitted for pengesahan and not edited since
 */
public record SopVersionSummary(String code, int versionNo, SopStatus status, String title, ServiceType serviceType,
                                int stepCount, int lockVersion, OffsetDateTime createdAt, OffsetDateTime ratifiedAt,
                                OffsetDateTime revokedAt, boolean submitted) {
}
