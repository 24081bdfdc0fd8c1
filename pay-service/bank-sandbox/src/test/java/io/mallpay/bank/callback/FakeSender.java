package io.mallpay.bank.callback;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A {@link CallbackSender} that records every POST and answers from a script (then 200). A
 * scripted status of -1 means "connection refused".
 */
final class FakeSender implements CallbackSender {

    record Sent(String url, Map<String, String> headers, String body) {
        String nonce() {
            return headers.get("X-Bank-Nonce");
        }

        long timestamp() {
            return Long.parseLong(headers.get("X-Bank-Timestamp"));
        }

        String signature() {
            return headers.get("X-Bank-Signature");
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();

    FakeSender answering(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    @Override
    public int post(String url, Map<String, String> headers, String jsonBody) throws IOException {
        sent.add(new Sent(url, Map.copyOf(headers), jsonBody));
        int status = script.isEmpty() ? 200 : script.poll();
        if (status < 0) {
            throw new ConnectException("Connection refused");
        }
        return status;
    }

    List<Sent> sent() {
        return sent;
    }
}
