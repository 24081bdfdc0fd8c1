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
        System.out.println("replay summary: " + summary.toPrettyString());
    }
}
