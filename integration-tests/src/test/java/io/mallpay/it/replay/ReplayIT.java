package io.mallpay.it.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.it.support.MallCli;
import io.mallpay.it.support.Stack;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system's main job on real input, end to end in CI: a few hundred real invoices of the
 * shared sample replayed through the storefront ({@code ./mall replay}: checkout, payment by card
 * or wallet with coupons on some, the bank's callbacks, cancellations), then the invariant checker
 * over everything the replay wrote. Passes only when every invariant holds and the counts add up
 * to the input.
 */
class ReplayIT {

    private static final int INVOICES = 300;

    @Test
    void aReplayOfRealInvoicesLeavesEveryInvariantHolding() throws Exception {
        Path report = Files.createTempFile("replay-", ".json");
        MallCli.Result r = MallCli.run(Map.of(), 1_200, "replay", "--orders", String.valueOf(INVOICES),
                "--concurrency", "8", "--report", report.toString());
        System.out.println(r.output());
        assertThat(r.exitCode()).as(r.output()).isZero();

        JsonNode summary = Stack.readJson(Files.readString(report));
        assertThat(summary.path("invariants").path("ok").asBoolean()).as(summary.path("invariants").toString()).isTrue();

        // the counts add up to the input: every invoice worked has exactly one outcome, every invoice
        // in the window was either worked or skipped for a counted reason
        JsonNode invoices = summary.path("invoices");
        assertThat(invoices.path("worked").asInt()).isEqualTo(INVOICES);
        long outcomes = 0;
        for (JsonNode n : summary.path("outcomes")) {
            outcomes += n.asLong();
        }
        assertThat(outcomes).isEqualTo(INVOICES);
        long skipped = 0;
        for (var it = invoices.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().startsWith("skipped.")) {
                skipped += e.getValue().asLong();
            }
        }
        assertThat(invoices.path("inWindow").asLong()).isEqualTo(INVOICES + skipped);
        assertThat(summary.path("outcomes").path("PAID").asLong()).isPositive();
    }
}
