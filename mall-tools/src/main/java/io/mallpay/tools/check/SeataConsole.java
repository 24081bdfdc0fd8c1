package io.mallpay.tools.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The read API of the Seata TC's console: logs in once ({@code POST /api/v1/auth/login}, the
 * answer's {@code data} is the bearer token) and pages through the live global sessions (with
 * branches) and global locks, 100 per page. Reads only; IOException on any non-2xx or
 * unsuccessful answer.
 */
final class SeataConsole {

    /** What the check needs from the console, so tests can hand it canned answers. */
    interface Reader {
        List<JsonNode> globalSessions() throws IOException, InterruptedException;

        List<JsonNode> globalLocks() throws IOException, InterruptedException;
    }

    private static final int PAGE = 100;
    private static final int MAX_PAGES = 1000;

    private SeataConsole() {
    }

    /** A reader logged in to the console at {@code http://127.0.0.1:port}. */
    static Reader login(int port, String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        String base = "http://127.0.0.1:" + port;
        HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("username", username, "password", password)))).build();
        String token = read(http, json, login).path("data").asText();
        if (token.isEmpty()) {
            throw new IOException("Seata console login gave no token");
        }
        return new Reader() {
            @Override
            public List<JsonNode> globalSessions() throws IOException, InterruptedException {
                return pages(http, json, base + "/api/v1/console/globalSession/query?withBranch=true&pageSize="
                        + PAGE + "&pageNum=", token);
            }

            @Override
            public List<JsonNode> globalLocks() throws IOException, InterruptedException {
                return pages(http, json, base + "/api/v1/console/globalLock/query?pageSize=" + PAGE + "&pageNum=",
                        token);
            }
        };
    }

    private static List<JsonNode> pages(HttpClient http, ObjectMapper json, String url, String token)
            throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(url + page)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", token).GET().build();
            JsonNode data = read(http, json, get).path("data");
            data.forEach(all::add);
            if (data.size() < PAGE) {
                break;
            }
        }
        return all;
    }

    private static JsonNode read(HttpClient http, ObjectMapper json, HttpRequest request)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + r.statusCode());
        }
        JsonNode body = json.readTree(r.body());
        if (!body.path("success").asBoolean()) {
            throw new IOException(request.uri().getPath() + " failed: " + body.path("message").asText());
        }
        return body;
    }
}
