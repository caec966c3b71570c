package id.sopan.ops;

import id.sopan.organization.AppUser;
import id.sopan.organization.OfficeRepository;
import id.sopan.organization.OrganizationService;
import id.sopan.sop.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * In the {@code production} profile, after the organization is loaded (which disables demo accounts outside demo
 * mode), refuses to go on while an active account is still a demo account or has the password {@code demo}. The
 * password is checked with BCrypt for every active account while there are at most
 * {@code sopan.production.password-check-limit} (100) of them; beyond, only the demo flag is checked (and logged).
 */
@Component
@Profile(ProductionSettings.PROFILE)
@Order(Ordered.LOWEST_PRECEDENCE)
class ProductionAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductionAccounts.class);

    private final OrganizationService organization;
    private final OfficeRepository offices;
    private final int passwordCheckLimit;
    private final String lang;

    ProductionAccounts(OrganizationService organization, OfficeRepository offices,
                       @Value("${sopan.production.password-check-limit:100}") int passwordCheckLimit,
                       @Value("${SOPAN_LANG:}") String lang) {
        this.organization = organization;
        this.offices = offices;
        this.passwordCheckLimit = passwordCheckLimit;
        this.lang = lang;
    }

    @Override
    public void run(ApplicationArguments args) {
        Messages messages = Messages.forLanguage(lang);
        List<String> problems = problems(messages);
        if (!problems.isEmpty()) {
            throw new ProductionRefusedException(messages.get("ops.production.refused"), problems);
        }
    }

    List<String> problems(Messages messages) {
        List<AppUser> active = offices.findAll().stream()
                .flatMap(o -> organization.users(o.code()).stream()).filter(AppUser::active).toList();
        List<String> problems = new ArrayList<>();
        List<String> demo = active.stream().filter(AppUser::demoAccount).map(AppUser::username).toList();
        if (!demo.isEmpty()) {
            problems.add(messages.get("ops.production.demoAccounts", String.join(", ", demo)));
        }
        if (active.size() <= passwordCheckLimit) {
            List<String> weak = active.stream().filter(u -> !u.demoAccount())
                    .map(AppUser::username)
                    .filter(u -> organization.checkPassword(u, OrganizationService.DEMO_PASSWORD)).toList();
            if (!weak.isEmpty()) {
                problems.add(messages.get("ops.production.demoPassword", String.join(", ", weak)));
            }
        } else {
            log.warn("Production check: {} active accounts, more than sopan.production.password-check-limit ({}):"
                    + " passwords not checked for \"demo\"", active.size(), passwordCheckLimit);
        }
        return problems;
    }
}
