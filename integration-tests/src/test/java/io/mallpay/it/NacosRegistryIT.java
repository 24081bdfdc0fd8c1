package io.mallpay.it;

import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.naming.NamingFactory;
import com.alibaba.nacos.api.naming.NamingService;
import com.alibaba.nacos.api.naming.pojo.Instance;
import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Nacos 2.3.2 registry: every service registered itself at 127.0.0.1, and a Nacos 2.x
 * client registers and discovers over gRPC (port NACOS_PORT + 1000), with auth enforced.
 */
class NacosRegistryIT {

    private static final Stack STACK = Stack.get();
    private static NamingService registrar;
    private static NamingService discoverer;

    @BeforeAll
    static void clients() throws Exception {
        registrar = naming("it-registrar");
        discoverer = naming("it-discoverer");
    }

    @AfterAll
    static void close() throws Exception {
        registrar.shutDown();
        discoverer.shutDown();
    }

    private static NamingService naming(String appName) throws Exception {
        Properties p = new Properties();
        p.setProperty(PropertyKeyConst.SERVER_ADDR, STACK.nacosAddr());
        p.setProperty(PropertyKeyConst.USERNAME, STACK.env("NACOS_USERNAME"));
        p.setProperty(PropertyKeyConst.PASSWORD, STACK.env("NACOS_PASSWORD"));
        System.setProperty("project.name", appName);
        return NamingFactory.createNamingService(p);
    }

    @Test
    void everyServiceIsRegisteredAtLoopbackAndAnswersAtTheDiscoveredAddress() throws Exception {
        Map<String, String> services = Map.of(
                "mall-order", "MALL_ORDER_PORT", "mall-inventory", "MALL_INVENTORY_PORT",
                "mall-points", "MALL_POINTS_PORT", "mall-coupon", "MALL_COUPON_PORT",
                "pay-payment", "PAY_PAYMENT_PORT", "mall-gateway", "MALL_GATEWAY_PORT",
                "pay-fund", "PAY_FUND_PORT", "pay-accounting", "PAY_ACCOUNTING_PORT");
        for (var e : services.entrySet()) {
            List<Instance> instances = discoverer.selectInstances(e.getKey(), true);
            assertThat(instances).as(e.getKey()).hasSize(1);
            Instance i = instances.get(0);
            assertThat(i.getIp()).as(e.getKey() + " registers loopback only").isEqualTo("127.0.0.1");
            assertThat(i.getPort()).isEqualTo(STACK.port(e.getValue()));
            assertThat(i.isEphemeral()).isTrue();
            // UP, awaited: a service an earlier test froze (SIGSTOP) is DOWN until its Seata TM and RM
            // have registered with the TC again (its 'seata' health component), a few seconds later
            String url = "http://" + i.getIp() + ":" + i.getPort() + "/actuator/health";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                var health = Stack.get(url);
                assertThat(health.statusCode()).as(e.getKey() + ": " + health.body()).isEqualTo(200);
                assertThat(Stack.readJson(health.body()).get("status").asText()).isEqualTo("UP");
            });
        }
    }

    @Test
    void theTcIsRegisteredForSeataClientsAtLoopback() throws Exception {
        List<Instance> tc = discoverer.getAllInstances("seata-server", "SEATA_GROUP");
        assertThat(tc).singleElement().satisfies(i -> {
            assertThat(i.getIp()).isEqualTo("127.0.0.1");
            assertThat(i.getPort()).isEqualTo(STACK.port("SEATA_PORT"));
            assertThat(i.getClusterName()).isEqualTo("default");
            assertThat(i.isHealthy()).isTrue();
        });
    }

    @Test
    void anInstanceRegisteredOverGrpcIsDiscoveredByAnotherClientAndGoneAfterDeregistration() throws Exception {
        String service = "it-probe-" + System.nanoTime();
        registrar.registerInstance(service, "127.0.0.1", 18999);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(discoverer.selectInstances(service, true))
                        .extracting(Instance::getIp, Instance::getPort)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("127.0.0.1", 18999)));

        // The clients' connections are gRPC connections on the server side.
        JsonNode connections = Stack.readJson(Stack.get("http://" + STACK.nacosAddr()
                + "/nacos/v2/core/loader/current?accessToken=" + STACK.nacosToken()).body());
        List<JsonNode> ours = StreamSupport.stream(connections.spliterator(), false)
                .filter(c -> c.path("metaInfo").path("appName").asText().startsWith("it-"))
                .toList();
        assertThat(ours).isNotEmpty().allSatisfy(c -> {
            assertThat(c.path("metaInfo").path("connectType").asText()).isEqualTo("GRPC");
            assertThat(c.path("metaInfo").path("localPort").asInt()).isEqualTo(STACK.port("NACOS_PORT") + 1000);
        });

        registrar.deregisterInstance(service, "127.0.0.1", 18999);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(discoverer.selectInstances(service, true)).isEmpty());
    }

    @Test
    void unauthenticatedCallsAreRefused() {
        var r = Stack.get("http://" + STACK.nacosAddr() + "/nacos/v1/ns/instance/list?serviceName=mall-order");
        assertThat(r.statusCode()).isEqualTo(403);
        var login = Stack.post("http://" + STACK.nacosAddr() + "/nacos/v1/auth/login",
                Map.of("username", "nacos", "password", "nacos"), Map.of());
        assertThat(login.statusCode()).as("the well-known default password must not work").isNotEqualTo(200);
    }
}
