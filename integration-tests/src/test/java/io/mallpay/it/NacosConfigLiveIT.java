package io.mallpay.it;

import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Config as code: mall-order reads nacos-config/mall-order.yaml from Nacos, and a value changed
 * in Nacos (as an operator would in the console) reaches the running service without a restart.
 */
class NacosConfigLiveIT {

    private static final Stack STACK = Stack.get();
    private static final String DATA_ID = "mall-order.yaml";

    @Test
    void configImportedFromTheRepositoryIsWhatNacosServes() throws Exception {
        String inRepo = java.nio.file.Files.readString(STACK.root().resolve("nacos-config").resolve(DATA_ID));
        assertThat(readConfig()).isEqualTo(inRepo);
    }

    @Test
    void aChangedPaymentTimeoutReachesTheRunningServiceLive() {
        String settingsUrl = "http://127.0.0.1:" + STACK.port("MALL_ORDER_PORT") + "/api/orders/settings";
        String original = readConfig();
        assertThat(original).contains("payment-timeout: 30m");
        assertThat(timeoutSeconds(settingsUrl)).isEqualTo(1800);
        try {
            publish(original.replace("payment-timeout: 30m", "payment-timeout: 45m"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> assertThat(timeoutSeconds(settingsUrl)).isEqualTo(2700));
        } finally {
            publish(original);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(timeoutSeconds(settingsUrl)).isEqualTo(1800));
    }

    private static long timeoutSeconds(String url) {
        var r = Stack.get(url);
        assertThat(r.statusCode()).isEqualTo(200);
        return Stack.readJson(r.body()).get("paymentTimeoutSeconds").asLong();
    }

    private static String readConfig() {
        var r = Stack.get("http://" + STACK.nacosAddr() + "/nacos/v1/cs/configs?dataId=" + DATA_ID
                + "&group=DEFAULT_GROUP&accessToken=" + STACK.nacosToken());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static void publish(String content) {
        var r = Stack.post("http://" + STACK.nacosAddr() + "/nacos/v1/cs/configs?accessToken=" + STACK.nacosToken(),
                Map.of("dataId", DATA_ID, "group", "DEFAULT_GROUP", "type", "yaml", "content", content), Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("true");
    }
}
