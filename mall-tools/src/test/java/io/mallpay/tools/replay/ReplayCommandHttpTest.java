package io.mallpay.tools.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static io.mallpay.tools.replay.RetailLines.HEADER;
import static io.mallpay.tools.replay.RetailLines.line;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole command over HTTP against {@link StubStack}: one paid sale with dirty lines, one cancelled sale. */
class ReplayCommandHttpTest {

    private static final String CSV = HEADER
            + line("536365", "85123A", 6, "08:26:00", "2.55", "17850")
            + line("536365", "POST", 1, "08:26:00", "18.00", "17850")
            + line("536365", "22139", -2, "08:26:00", "4.95", "17850")
            + line("536365", "NOSUCH", 1, "08:26:00", "1.00", "17850")
            + line("536365", "85123A", 2, "08:26:00", "2.55", "17850")
            + line("536366", "22139", 1, "08:30:00", "4.95", "13047")
            + line("536367", "22139", 1, "08:31:00", "4.95", "")
            + line("C536368", "22139", -1, "08:40:00", "4.95", "13047");

    @Test
    void replaysCheckoutPayAndCancelAndReportsThem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.csv"), CSV);
        Path report = dir.resolve("out/report.json");
        AtomicReference<Instant> hookCalledWith = new AtomicReference<>();
        try (StubStack stub = new StubStack(Set.of("85123A", "22139"))) {
            ReplayOptions o = new ReplayOptions(stub.stackEnv(dir), file, null, 2, report, 42, start -> {
                hookCalledWith.set(start);
                return Map.of("ok", true);
            }, Duration.ofSeconds(20), Duration.ofSeconds(5), false);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();

            int exit = ReplayCommand.run(o, new PrintStream(buf, true, StandardCharsets.UTF_8));

            String printed = buf.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(printed).isZero();
            assertThat(printed).contains("== replay summary ==", "replay: 3/3 invoices");
            JsonNode r = new ObjectMapper().readTree(report.toFile());
            assertThat(r.path("outcomes").path("PAID").asInt()).isEqualTo(1);
            assertThat(r.path("outcomes").path("ABANDONED").asInt()).isEqualTo(1);
            assertThat(r.path("outcomes").path("CANCELLED").asInt()).isEqualTo(1);
            assertThat(r.path("invoices").path("skipped.guest").asInt()).isEqualTo(1);
            JsonNode lines = r.path("lines");
            assertThat(lines.path("non_product").asInt()).isEqualTo(1);
            assertThat(lines.path("merged_duplicate").asInt()).isEqualTo(1);
            assertThat(lines.path("BAD_QUANTITY").asInt()).isEqualTo(1);
            assertThat(lines.path("UNKNOWN_SKU").asInt()).isEqualTo(1);
            assertThat(lines.path("ordered").asInt()).as("2 lines of 85123A + the cancelled sale's line").isEqualTo(3);
            assertThat(r.path("drain").path("drained").asBoolean()).isTrue();
            assertThat(r.path("drain").path("lastNotificationAt").asText()).isEqualTo("2026-01-01T00:00:01.500Z");
            assertThat(r.path("latencyMs").path("checkout").path("count").asInt()).isEqualTo(2);
            assertThat(r.path("invariants").path("ok").asBoolean()).isTrue();
            assertThat(hookCalledWith.get()).isNotNull().isBefore(Instant.now());

            JsonNode finalCart = stub.checkoutBodies.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("-536365-c2")).findFirst().orElseThrow().getValue();
            assertThat(finalCart.path("userId").asLong()).isEqualTo(17850);
            assertThat(finalCart.path("lines").findValuesAsText("sku")).containsExactly("85123A", "85123A");
            assertThat(stub.requests).anyMatch(s -> s.startsWith("POST /api/payments key=rp42-") && s.endsWith("-536365-pay"))
                    .noneMatch(s -> s.contains("536366-pay"))
                    .anyMatch(s -> s.matches("POST /api/orders/\\d+/cancel"));
        }
    }

    @Test
    void aSecondRunOfTheSameFileGetsTheSameOrdersBackAndAFailedInvariantMakesItExitOne(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.csv"), CSV);
        try (StubStack stub = new StubStack(Set.of("85123A", "22139"))) {
            Path report = dir.resolve("again.json");
            ReplayOptions o = new ReplayOptions(stub.stackEnv(dir), file, null, 1, report, 42,
                    start -> Map.of("ok", false), Duration.ofSeconds(20), Duration.ofSeconds(5), false);
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            ReplayCommand.run(o, quiet);
            int ordersAfterFirst = (int) stub.requests.stream().filter(s -> s.startsWith("POST /api/orders key=")).count();

            int exit = ReplayCommand.run(o, quiet);

            assertThat(exit).isEqualTo(1);
            assertThat(stub.requests.stream().filter(s -> s.startsWith("POST /api/orders key=")).distinct().count())
                    .as("no new checkout key on the second run").isEqualTo(ordersAfterFirst);
            assertThat(stub.requests.stream().filter(s -> s.startsWith("POST /api/payments")).distinct().count())
                    .isEqualTo(1);
            JsonNode again = new ObjectMapper().readTree(report.toFile());
            assertThat(again.path("replayed").path("checkout").asInt()).isEqualTo(2);
            assertThat(again.path("replayed").path("payment").asInt()).isEqualTo(1);
            assertThat(again.path("outcomes").path("PAID").asInt()).isEqualTo(1);
            assertThat(again.path("drain").path("vouchers").path("expectedNew").asInt()).as("nothing new").isZero();
        }
    }

    @Test
    void aRefusedCouponIsDroppedAndARefusedPaymentReleasesItsOrder(@TempDir Path dir) throws Exception {
        String couponInvoice = java.util.stream.IntStream.range(600000, 700000).mapToObj(Integer::toString)
                .filter(no -> PaymentMix.choose(42, no).usesCoupon()).findFirst().orElseThrow();
        String csv = HEADER
                + line(couponInvoice, "85123A", 20, "08:26:00", "2.55", "17850")
                + line("599999", "85123A", 1, "08:30:00", "2.55", "13047");
        Path file = Files.writeString(dir.resolve("coupon.csv"), csv);
        Path report = dir.resolve("report.json");
        try (StubStack stub = new StubStack(Set.of("85123A"))) {
            stub.refusedCouponHolders.add(17850L);
            stub.overDailyLimit.add(13047L);
            ReplayOptions o = new ReplayOptions(stub.stackEnv(dir), file, null, 2, report, 42, null,
                    Duration.ofSeconds(20), Duration.ofSeconds(5), false);

            int exit = ReplayCommand.run(o, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            assertThat(exit).as("rejections are results, not failures").isZero();
            JsonNode r = new ObjectMapper().readTree(report.toFile());
            assertThat(stub.checkoutBodies.get(stub.checkoutBodies.keySet().stream()
                    .filter(k -> k.endsWith(couponInvoice + "-c0")).findFirst().orElseThrow())
                    .path("couponId").asLong()).as("the fitting coupon was tried first").isEqualTo(77);
            assertThat(r.path("payments").path("coupon_unavailable").asInt()).isEqualTo(1);
            assertThat(r.path("outcomes").path("PAID").asInt()).isEqualTo(1);
            assertThat(r.path("outcomes").path("PAYMENT_REJECTED").asInt()).isEqualTo(1);
            assertThat(r.path("rejections").path("payment.DAILY_LIMIT_EXCEEDED").asInt()).isEqualTo(1);
            assertThat(r.path("payments").path("released_unpaid_order").asInt()).isEqualTo(1);
            assertThat(stub.requests).anyMatch(s -> s.matches("POST /api/orders/\\d+/cancel"));
        }
    }
}
