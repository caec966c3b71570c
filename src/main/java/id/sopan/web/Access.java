package id.sopan.web;

import id.sopan.casework.CaseService;
import id.sopan.security.Roles;
import org.springframework.security.core.Authentication;

/**
 * Who may read a case's pages: those of its office involved in it, and its office's heads and administrators
 * (casework decides, with the role given here); never anyone of another office.
 */
final class Access {

    private Access() {
    }

    static boolean headOrAdmin(Authentication user) {
        return user.getAuthorities().stream()
                .anyMatch(a -> Roles.KEPALA.equals(a.getAuthority()) || Roles.ADMIN.equals(a.getAuthority()));
    }

    /** @throws id.sopan.casework.NoSuchCaseException when there is no such case */
    static boolean mayRead(CaseService cases, long caseId, Authentication user) {
        return cases.mayRead(caseId, user.getName(), headOrAdmin(user));
    }

    /** A number from a path or a form, or null when it is not one. */
    static Long number(String text) {
        if (text == null || text.isBlank() || text.length() > 18 || !text.strip().matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
