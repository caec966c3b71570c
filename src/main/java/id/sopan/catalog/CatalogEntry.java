package id.sopan.catalog;

import id.sopan.sop.ServiceType;

/**
 * One line of an office's SOP list: the current version of an SOP (the berlaku one, else the latest draft).
 *
 * @param versionNo the version's number within its SOP, 1..n
 */
public record CatalogEntry(String code, String title, ServiceType serviceType, int versionNo, SopStatus status,
                           int stepCount) {
}
