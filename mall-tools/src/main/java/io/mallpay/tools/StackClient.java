package io.mallpay.tools;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reaches the running local stack as described by {@code .run/stack.env} (written by
 * {@code ./mall up}): service ports, all on 127.0.0.1. Non-2xx answers raise with the body.
 */
public final class StackClient {

    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public StackClient(Path stackEnv) throws IOException {
        env = new HashMap<>();
        for (String line : Files.readAllLines(stackEnv)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
    }

    public String baseUrl(String portKey) {
        String port = env.get(portKey);
        if (port == null) {
            throw new IllegalStateException("stack.env has no " + portKey + ": is the stack up (./mall up)?");
        }
        return "http://127.0.0.1:" + port;
    }

    public <T> T post(String url, Object body, Class<T> type) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readValue(r.body(), type);
    }

    public ObjectMapper json() {
        return json;
    }
}
