package se.esam.lifecycle.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** Swedish public sector: deadlines and dates are read in Swedish time. */
    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    @Bean
    Clock clock() {
        return new EngineClock(ZONE);
    }
}
