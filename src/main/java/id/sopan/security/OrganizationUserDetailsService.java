package id.sopan.security;

import id.sopan.organization.ActingAs;
import id.sopan.organization.AppUser;
import id.sopan.organization.OrganizationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The users of the organization module as Spring Security users: inactive users are disabled; everyone has
 * {@link Roles#USER}, the holders (and Plt/Plh for the day) of the jabatan in {@code sopan.kepala-jabatan}
 * {@link Roles#KEPALA}, the usernames in {@code sopan.admins} {@link Roles#ADMIN}, those in {@code sopan.evaluators}
 * {@link Roles#EVALUATOR}. The pages these roles open (dashboard, reports, administration) serve the office of
 * {@code sopan.default-office}, so only that office's users get them: a head or administrator of another office
 * named alike (same jabatan code, listed username) is an ordinary user here.
 */
@Service
class OrganizationUserDetailsService implements UserDetailsService {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final OrganizationService organization;
    private final Clock clock;
    private final Set<String> kepalaJabatan;
    private final Set<String> admins;
    private final Set<String> evaluators;
    private final String office;

    OrganizationUserDetailsService(OrganizationService organization, Clock clock,
                                   @Value("${sopan.kepala-jabatan:KADIS,SEKDIS}") Set<String> kepalaJabatan,
                                   @Value("${sopan.admins:}") Set<String> admins,
                                   @Value("${sopan.evaluators:}") Set<String> evaluators,
                                   @Value("${sopan.default-office:DKUKM}") String office) {
        this.organization = organization;
        this.clock = clock;
        this.kepalaJabatan = names(kepalaJabatan);
        this.admins = names(admins);
        this.evaluators = names(evaluators);
        this.office = office;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = organization.user(username)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Roles.USER));
        if (user.active() && office.equals(user.officeCode())) {
            LocalDate today = LocalDate.now(clock.withZone(WIB));
            if (organization.jabatanActingAs(username, today).stream().filter(a -> office.equals(a.officeCode()))
                    .map(ActingAs::jabatanCode).anyMatch(kepalaJabatan::contains)) {
                authorities.add(new SimpleGrantedAuthority(Roles.KEPALA));
            }
            if (admins.contains(username)) {
                authorities.add(new SimpleGrantedAuthority(Roles.ADMIN));
            }
            if (evaluators.contains(username)) {
                authorities.add(new SimpleGrantedAuthority(Roles.EVALUATOR));
            }
        }
        return new SopanUser(user.username(), user.fullName(), user.active(), List.copyOf(authorities));
    }

    private static Set<String> names(Set<String> configured) {
        return Set.copyOf(configured.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
}
