package id.sopan.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/**
 * A signed-in user as Spring Security sees it. It carries no password: the hash stays in the organization
 * module, which checks passwords itself ({@link OrganizationAuthenticationProvider}).
 */
record SopanUser(String username, String fullName, boolean enabled, List<GrantedAuthority> authorities)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
