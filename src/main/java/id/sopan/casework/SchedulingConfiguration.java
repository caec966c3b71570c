package id.sopan.casework;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs (the SLA watch) run in the web application, not during a command. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "sopan.sla.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
