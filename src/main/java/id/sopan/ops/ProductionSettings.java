package id.sopan.ops;

import id.sopan.sop.Messages;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * In the {@code production} profile, refuses to start on settings left from the demo, before any bean (database,
 * web server) exists: demo mode on, no administrators or still the demo's, the embedded H2 database with user
 * {@code sa} and no password. Every problem is reported at once, each naming its setting.
 */
@Component
@Profile(ProductionSettings.PROFILE)
class ProductionSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String PROFILE = "production";
    /** The administrator application.properties names for the demo. */
    static final String DEMO_ADMIN = "kasubbag.umum";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Messages messages = Messages.forLanguage(environment.getProperty("SOPAN_LANG"));
        List<String> problems = problems(environment, messages);
        if (!problems.isEmpty()) {
            throw new ProductionRefusedException(messages.get("ops.production.refused"), problems);
        }
    }

    static List<String> problems(Environment env, Messages messages) {
        List<String> problems = new ArrayList<>();
        if (env.getProperty("sopan.demo", Boolean.class, false)) {
            problems.add(messages.get("ops.production.demo"));
        }
        List<String> admins = Arrays.stream(env.getProperty("sopan.admins", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (admins.isEmpty()) {
            problems.add(messages.get("ops.production.adminsEmpty"));
        } else if (admins.contains(DEMO_ADMIN)) {
            problems.add(messages.get("ops.production.adminsDemo", DEMO_ADMIN));
        }
        String url = env.getProperty("spring.datasource.url", "");
        String user = env.getProperty("spring.datasource.username", "");
        String password = env.getProperty("spring.datasource.password", "");
        if (url.startsWith("jdbc:h2:") && "sa".equalsIgnoreCase(user.strip()) && password.isEmpty()) {
            problems.add(messages.get("ops.production.datasource", url));
        }
        return problems;
    }
}
