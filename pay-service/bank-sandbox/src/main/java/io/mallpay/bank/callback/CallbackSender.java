package io.mallpay.bank.callback;

import java.io.IOException;
import java.util.Map;

/**
 * Sends one HTTP {@code POST} of a JSON body with extra headers and answers the response status.
 * The seam between the callback logic and the network: tests use a fake.
 */
public interface CallbackSender {

    /**
     * @return the HTTP status code of the answer
     * @throws IOException when no answer came (connection refused, time-out)
     */
    int post(String url, Map<String, String> headers, String jsonBody) throws IOException, InterruptedException;
}
