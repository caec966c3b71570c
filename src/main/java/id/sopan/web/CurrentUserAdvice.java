package id.sopan.web;

import id.sopan.organization.AppUser;
import id.sopan.organization.OrganizationService;
import id.sopan.security.Roles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is signed in, for the navigation of every page: name, jabatan and what the roles open. */
@ControllerAdvice(basePackages = "id.sopan")
class CurrentUserAdvice {

    /** {@code null} when nobody is signed in. */
    record Me(String username, String fullName, String jabatanCode, boolean kepala, boolean admin,
              boolean evaluator) {
    }

    private final OrganizationService organization;

    CurrentUserAdvice(OrganizationService organization) {
        this.organization = organization;
    }

    @ModelAttribute("me")
    Me me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        String username = auth.getName();
        AppUser user = organization.user(username).orElse(null);
        boolean kepala = auth.getAuthorities().stream().anyMatch(a -> Roles.KEPALA.equals(a.getAuthority()));
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> Roles.ADMIN.equals(a.getAuthority()));
        boolean evaluator = auth.getAuthorities().stream().anyMatch(a -> Roles.EVALUATOR.equals(a.getAuthority()));
        return new Me(username, user == null ? username : user.fullName(), user == null ? null : user.jabatanCode(),
                kepala, admin, evaluator);
    }
}
