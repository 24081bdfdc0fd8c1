package io.mallpay.it.support;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads and publishes a Nacos configuration file (group DEFAULT_GROUP) through the open API, as an
 * operator editing it in the console would. {@link #edit} returns a handle that restores the
 * original content: use it in try-with-resources so a failing test never leaves a change behind.
 */
public final class NacosConfig {

    private static final Stack STACK = Stack.get();

    private NacosConfig() {
    }

    public static String read(String dataId) {
        return read(dataId, "DEFAULT_GROUP");
    }

    public static String read(String dataId, String group) {
        var r = Stack.get("http://" + STACK.nacosAddr() + "/nacos/v1/cs/configs?dataId=" + dataId
                + "&group=" + group + "&accessToken=" + STACK.nacosToken());
        if (r.statusCode() != 200) {
            throw new AssertionError("nacos read of " + dataId + " answered " + r.statusCode());
        }
        return r.body();
    }

    public static void publish(String dataId, String content) {
        publish(dataId, "DEFAULT_GROUP", content);
    }

    /** Publishes {@code content}: type json in group SENTINEL_GROUP (Sentinel rules), else yaml. */
    public static void publish(String dataId, String group, String content) {
        var r = Stack.post("http://" + STACK.nacosAddr() + "/nacos/v1/cs/configs?accessToken=" + STACK.nacosToken(),
                Map.of("dataId", dataId, "group", group, "type", "SENTINEL_GROUP".equals(group) ? "json" : "yaml",
                        "content", content), Map.of());
        if (!"true".equals(r.body())) {
            throw new AssertionError("nacos publish of " + dataId + " answered " + r.statusCode() + " " + r.body());
        }
    }

    /** A published change that {@link #close()} undoes. */
    public record Change(String dataId, String group, String original) implements AutoCloseable {
        @Override
        public void close() {
            publish(dataId, group, original);
        }
    }

    public static Change edit(String dataId, UnaryOperator<String> change) {
        return edit(dataId, "DEFAULT_GROUP", change);
    }

    public static Change edit(String dataId, String group, UnaryOperator<String> change) {
        String original = read(dataId, group);
        String changed = change.apply(original);
        if (changed.equals(original)) {
            throw new AssertionError("the edit of " + dataId + " changed nothing");
        }
        publish(dataId, group, changed);
        return new Change(dataId, group, original);
    }
}
