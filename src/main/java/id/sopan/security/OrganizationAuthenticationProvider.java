package id.sopan.security;

import id.sopan.organization.OrganizationService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Checks a username and password with {@link OrganizationService#checkPassword} (BCrypt; the hash never
 * leaves the organization module) and answers the user's authorities from the {@link UserDetailsService}.
 * Unknown users cost one BCrypt check too, so response times do not tell which usernames exist.
 */
final class OrganizationAuthenticationProvider implements AuthenticationProvider {

    private static final BCryptPasswordEncoder DUMMY = new BCryptPasswordEncoder();
    private static final String DUMMY_HASH = DUMMY.encode("no such user");

    private final OrganizationService organization;
    private final UserDetailsService users;
    private final LoginAttempts attempts;

    OrganizationAuthenticationProvider(OrganizationService organization, UserDetailsService users, LoginAttempts attempts) {
        this.organization = organization;
        this.users = users;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (attempts.isLocked(username)) {
            throw new LockedException("user " + username + " is locked after repeated failed sign-ins");
        }
        UserDetails user;
        try {
            user = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            DUMMY.matches(password, DUMMY_HASH);
            attempts.failed(username);
            throw new BadCredentialsException("bad credentials");
        }
        if (!organization.checkPassword(username, password)) {
            attempts.failed(username);
            throw new BadCredentialsException("bad credentials");
        }
        attempts.succeeded(username);
        if (!user.isEnabled()) {
            throw new DisabledException("user " + username + " is not active");
        }
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
