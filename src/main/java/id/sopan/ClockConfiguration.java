package id.sopan;

import id.sopan.calendar.MovableClock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The one source of "now": stored times are UTC; the simulation and tests move a clock of their own. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnProperty(name = "sopan.clock", havingValue = "system", matchIfMissing = true)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnProperty(name = "sopan.clock", havingValue = "movable")
    MovableClock movableClock() {
        return new MovableClock(Clock.systemUTC().instant());
    }
}
