package io.mallpay.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The running local stack as `./mall up` left it: ports and generated credentials from
 * {@code .run/stack.env}, plus small HTTP helpers. Integration tests use only this and real
 * clients; nothing is mocked.
 */
public final class Stack {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Stack instance;

    private final Path root;
    private final Map<String, String> env;

    private Stack(Path root, Map<String, String> env) {
        this.root = root;
        this.env = env;
    }

    public static synchronized Stack get() {
        if (instance == null) {
            Path root = Path.of(System.getProperty("mall.root", "..")).toAbsolutePath().normalize();
            Path runDir = Path.of(System.getenv().getOrDefault("MALL_RUN_DIR", root.resolve(".run").toString()));
            Path file = runDir.resolve("stack.env");
            if (!Files.exists(file)) {
                throw new IllegalStateException(file + " not found: start the stack with ./mall up first");
            }
            Map<String, String> env = new HashMap<>();
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        env.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance = new Stack(root, env);
        }
        return instance;
    }

    public Path root() {
        return root;
    }

    public String env(String key) {
        String v = env.get(key);
        if (v == null) {
            throw new IllegalStateException("stack.env has no " + key);
        }
        return v;
    }

    public int port(String key) {
        return Integer.parseInt(env(key));
    }

    public String nacosAddr() {
        return "127.0.0.1:" + port("NACOS_PORT");
    }

    public String jdbcUrl(String database) {
        return env("MALL_DB_URL_PREFIX") + "/" + database + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    /** A fresh Nacos admin access token (open API). */
    public String nacosToken() {
        HttpResponse<String> r = post("http://" + nacosAddr() + "/nacos/v1/auth/login",
                Map.of("username", env("NACOS_USERNAME"), "password", env("NACOS_PASSWORD")), Map.of());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("nacos login failed: " + r.statusCode() + " " + r.body());
        }
        return readJson(r.body()).get("accessToken").asText();
    }

    public static HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    public static HttpResponse<String> get(String url) {
        return get(url, Map.of());
    }

    /** POST as application/x-www-form-urlencoded. */
    public static HttpResponse<String> post(String url, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    public static HttpResponse<String> postJson(String url, String json, Map<String, String> headers) {
        return postJson(url, json, headers, Duration.ofSeconds(10));
    }

    public static HttpResponse<String> postJson(String url, String json, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return send(b.build());
    }

    public static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
