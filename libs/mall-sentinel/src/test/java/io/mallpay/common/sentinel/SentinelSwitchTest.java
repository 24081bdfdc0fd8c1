package io.mallpay.common.sentinel;

import com.alibaba.csp.sentinel.Constants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentinelSwitchTest {

    @AfterEach
    void on() {
        Constants.ON = true;
    }

    @Test
    void onlyAnExplicitFalseTurnsSentinelOff() {
        assertThat(SentinelSwitch.parse("{\"on\": false}")).isFalse();
        assertThat(SentinelSwitch.parse("{\"on\": true}")).isTrue();
        assertThat(SentinelSwitch.parse(null)).isTrue();
        assertThat(SentinelSwitch.parse("  ")).isTrue();
        assertThat(SentinelSwitch.parse("{\"on\": \"false\"}")).isTrue();
        assertThat(SentinelSwitch.parse("off")).isTrue();
    }

    @Test
    void applySetsTheGlobalSwitchAndNullMeansOn() {
        SentinelSwitch.apply(false);
        assertThat(Constants.ON).isFalse();
        assertThat(SentinelSwitch.on()).isFalse();
        SentinelSwitch.apply(null);
        assertThat(Constants.ON).isTrue();
    }
}
