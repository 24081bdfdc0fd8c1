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
        var r = Stack.get("http://" + STACK.nacosAddr() + "/nacos/v1/cs/configs?dataId=" + dataId
                + "&group=DEFAULT_GROUP&accessToken=" + STACK.nacosToken());
        if (r.statusCode() != 200) {
            throw new AssertionError("nacos read of " + dataId + " answered " + r.statusCode());
        }
        return r.body();
    }

    public static void publish(String dataId, String content) {
        var r = Stack.post("http://" + STACK.nacosAddr() + "/nacos/v1/cs/configs?accessToken=" + STACK.nacosToken(),
                Map.of("dataId", dataId, "group", "DEFAULT_GROUP", "type", "yaml", "content", content), Map.of());
        if (!"true".equals(r.body())) {
            throw new AssertionError("nacos publish of " + dataId + " answered " + r.statusCode() + " " + r.body());
        }
    }

    /** A published change that {@link #close()} undoes. */
    public record Change(String dataId, String original) implements AutoCloseable {
        @Override
        public void close() {
            publish(dataId, original);
        }
    }

    public static Change edit(String dataId, UnaryOperator<String> change) {
        String original = read(dataId);
        String changed = change.apply(original);
        if (changed.equals(original)) {
            throw new AssertionError("the edit of " + dataId + " changed nothing");
        }
        publish(dataId, changed);
        return new Change(dataId, original);
    }
}
