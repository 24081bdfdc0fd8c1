package io.mallpay.order;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class OrderConfig {

    /** UTC wall clock for deadlines and timestamps; replaceable in tests. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
