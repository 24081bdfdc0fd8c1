package io.mallpay.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Switches Sentinel off and on in every process of the stack, live: publishes
 * {@code {"on": false|true}} as Data ID {@code sentinel-switch.json} (group SENTINEL_GROUP) through
 * Nacos' open API, as an operator would in the console (mall-sentinel {@code SentinelSwitch} applies
 * it), then waits until every process reports it in {@code GET /actuator/circuits}
 * ({@code "sentinelOn"}). The JVMs stay warm, so a run with Sentinel off can be compared with the
 * run next to it. {@link #set} is idempotent.
 */
final class SentinelToggle {

    static final String DATA_ID = "sentinel-switch.json";
    static final String GROUP = "SENTINEL_GROUP";
    /** The processes with Sentinel (the gateway and every service). */
    static final List<String> PROCESSES = List.of("mall-gateway", "mall-order", "mall-inventory", "mall-points",
            "mall-coupon", "pay-payment", "pay-fund", "pay-accounting");
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** {@code env}: stack.env (NACOS_PORT, NACOS_USERNAME, NACOS_PASSWORD, {@code <SERVICE>_PORT}). */
    SentinelToggle(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Sentinel's switch per running process, from its {@code /actuator/circuits}; a process that does
     * not answer is left out.
     */
    Map<String, Boolean> states() throws InterruptedException {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String p : PROCESSES) {
            String port = env.get(p.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT");
            if (port == null) {
                continue;
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/circuits")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode on = r.statusCode() == 200 ? json.readTree(r.body()).path("sentinelOn") : null;
                if (on != null && on.isBoolean()) {
                    out.put(p, on.booleanValue());
                }
            } catch (IOException e) {
                // not running: left out
            }
        }
        return out;
    }

    /**
     * Publishes the switch and returns once every process answering has applied it.
     *
     * @throws IOException when Nacos refuses the change or a process has not applied it within 60 s
     */
    void set(boolean on) throws IOException, InterruptedException {
        publish("{\n  \"on\": " + on + "\n}\n");
        long deadline = System.nanoTime() + APPLY_TIMEOUT.toNanos();
        while (true) {
            Map<String, Boolean> states = states();
            List<String> behind = states.entrySet().stream().filter(e -> e.getValue() != on).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(ArrayList::new));
            if (behind.isEmpty() && !states.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Sentinel not switched " + (on ? "on" : "off") + " within "
                        + APPLY_TIMEOUT.toSeconds() + " s in " + (states.isEmpty() ? "any process" : behind));
            }
            Thread.sleep(200);
        }
    }

    private void publish(String content) throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + env.get("NACOS_PORT") + "/nacos/v1";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", env.getOrDefault("NACOS_USERNAME", ""),
                        "password", env.getOrDefault("NACOS_PASSWORD", ""))))).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IOException("nacos login answered " + login.statusCode());
        }
        String token = json.readTree(login.body()).path("accessToken").asText();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/cs/configs?accessToken="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("dataId", DATA_ID, "group", GROUP, "type", "json",
                        "content", content)))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !"true".equals(r.body().trim())) {
            throw new IOException("nacos publish of " + DATA_ID + " answered " + r.statusCode() + " " + r.body());
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
