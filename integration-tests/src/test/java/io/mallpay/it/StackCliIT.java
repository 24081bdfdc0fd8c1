package io.mallpay.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.MallCli;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack command as a user meets it: `status --json` describes the running stack, and a bad
 * start (a port already taken, a component that crashes) fails fast and names the component.
 * The failure cases use their own run directory and ports, so the running stack is untouched.
 */
class StackCliIT {

    private static final Stack STACK = Stack.get();
    private static final List<String> COMPONENTS = List.of("mariadb", "nacos", "seata", "rocketmq",
            "mall-inventory", "mall-points", "mall-coupon", "mall-order", "pay-fund", "pay-accounting", "pay-payment",
            "mall-gateway", "bank-sandbox", "storefront");
    /** The components with a Seata client: their TM and RM must be registered with the TC. */
    private static final List<String> SEATA_CLIENTS = List.of("mall-inventory", "mall-points", "mall-coupon",
            "mall-order", "pay-fund", "pay-accounting", "pay-payment");

    @Test
    void statusJsonListsEveryComponentAndTheStorefrontUpWithPidPortsAndUrl() throws Exception {
        MallCli.Result r = MallCli.run(Map.of(), 60, "status", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode list = Stack.readJson(r.output());
        List<String> names = new ArrayList<>();
        for (JsonNode c : list) {
            names.add(c.get("name").asText());
            assertThat(c.get("state").asText()).as(c.toString()).isEqualTo("up");
            long pid = c.get("pid").asLong();
            assertThat(ProcessHandle.of(pid)).as("pid of " + c.get("name")).isPresent();
            assertThat(c.get("ports").size()).isPositive();
            assertThat(c.get("url").asText()).contains("127.0.0.1");
            if (SEATA_CLIENTS.contains(c.get("name").asText())) {
                assertThat(c.get("seata").asText()).as(c.toString()).isEqualTo("UP");
            } else {
                assertThat(c.get("seata").isNull()).as(c.toString()).isTrue();
            }
        }
        assertThat(names).containsExactlyElementsOf(COMPONENTS);
        JsonNode storefront = list.get(list.size() - 1);
        assertThat(storefront.get("url").asText()).isEqualTo("http://127.0.0.1:" + STACK.port("MALL_GATEWAY_PORT"));
        JsonNode nacos = list.get(1);
        assertThat(nacos.get("ports").get(0).asInt()).isEqualTo(STACK.port("NACOS_PORT"));
        assertThat(nacos.get("url").asText()).isEqualTo("http://127.0.0.1:" + STACK.port("NACOS_PORT") + "/nacos");
    }

    @Test
    void aTakenPortFailsFastNamingTheComponentAndStartsNothing() throws Exception {
        Path run = MallCli.tempRunDir("it-port-taken");
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();
            MallCli.Result r = MallCli.run(Map.of("MALL_RUN_DIR", run.toString(), "MARIADB_PORT", String.valueOf(port)),
                    120, "start", "mariadb");

            assertThat(r.exitCode()).as(r.output()).isNotZero();
            assertThat(r.output()).contains("mariadb: port " + port + " is already in use");
            // refused before anything was launched or waited for (the preflight), not at a deadline
            assertThat(r.output()).doesNotContain("waiting for").doesNotContain("did not become healthy");
            assertThat(Files.exists(run.resolve("pids/mariadb.pid"))).isFalse();
        }
    }

    @Test
    void aComponentThatCrashesWhileStartingFailsFastWithItsLogTail() throws Exception {
        Path run = MallCli.tempRunDir("it-crash");
        // No Nacos listens at this port: the service cannot get its configuration and must exit
        // (mall-common's NacosConfigPresenceCheck), not start on defaults.
        Map<String, String> env = Map.of("MALL_RUN_DIR", run.toString(),
                "NACOS_PORT", String.valueOf(MallCli.freePort()),
                "MALL_ORDER_PORT", String.valueOf(MallCli.freePort()));
        MallCli.Result r = MallCli.run(env, 240, "start", "mall-order");

        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("mall-order exited while starting")
                .contains("configuration not received from Nacos");
        // it fails as soon as the process dies, not at the health deadline
        assertThat(r.output()).doesNotContain("did not become healthy");
        String pid = Files.readString(run.resolve("pids/mall-order.pid")).trim();
        assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }
}
