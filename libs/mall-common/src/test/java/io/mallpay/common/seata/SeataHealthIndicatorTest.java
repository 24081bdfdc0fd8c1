package io.mallpay.common.seata;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SeataHealthIndicatorTest {

    private static Health health(ClientRegistration tm, ClientRegistration rm) {
        SeataRegistrations fixed = new SeataRegistrations() {
            @Override
            public ClientRegistration tm() {
                return tm;
            }

            @Override
            public ClientRegistration rm() {
                return rm;
            }
        };
        return new SeataHealthIndicator(fixed, new SeataChannelGuard(Duration.ofSeconds(5), Duration.ofMinutes(2)))
                .health();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rm(Health h) {
        return (Map<String, Object>) h.getDetails().get("rm");
    }

    private static final ClientRegistration TM_UP = new ClientRegistration("TM", true, List.of("127.0.0.1:8091"));
    private static final ClientRegistration RM_UP = new ClientRegistration("RM", true, List.of("127.0.0.1:8091"));

    @Test
    void upWhenTmAndRmAreRegistered() {
        Health h = health(TM_UP, RM_UP);
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(rm(h)).containsEntry("servers", List.of("127.0.0.1:8091"));
        assertThat(h.getDetails()).containsEntry("orphanChannelsClosed", 0L);
    }

    @Test
    void downWhileTheRmHasNoChannelToAnyTc() {
        Health h = health(TM_UP, new ClientRegistration("RM", true, List.of()));
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(rm(h)).containsEntry("registered", false);
    }

    @Test
    void downWhileTheTmIsNotRegistered() {
        assertThat(health(new ClientRegistration("TM", true, List.of()), RM_UP).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void anRmWithoutResourcesIsNotNeeded() {
        assertThat(health(TM_UP, new ClientRegistration("RM", false, List.of())).getStatus()).isEqualTo(Status.UP);
    }
}
