package io.mallpay.tools.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole checker, its SQL included, against H2 in MySQL mode. */
class CheckCommandTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:10:00Z");

    private static final SeataConsole.Reader IDLE_TC = new SeataConsole.Reader() {
        @Override
        public List<JsonNode> globalSessions() {
            return List.of();
        }

        @Override
        public List<JsonNode> globalLocks() {
            return List.of();
        }
    };

    private static CheckResult check(H2Stack stack, Instant since) {
        try (JdbcSql sql = stack.sql()) {
            return CheckCommand.evaluate(sql, () -> IDLE_TC, NOW, since);
        }
    }

    private static Map<String, Status> statuses(CheckResult r) {
        return r.invariants().stream().collect(Collectors.toMap(InvariantResult::name, InvariantResult::status));
    }

    private static InvariantResult invariant(CheckResult r, String name) {
        return r.invariants().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aConsistentStackPassesEveryInvariantInOrder() throws Exception {
        CheckResult r = check(new H2Stack().seeded(), null);

        assertThat(r.invariants()).extracting(InvariantResult::name).containsExactly("STOCK", "POINTS", "FUND",
                "VOUCHERS", "GLOBAL_TRANSACTIONS", "PAYMENTS_VOUCHERS", "PAYMENTS_MERCHANT_CREDITS", "ORDERS_PAYMENTS",
                "COUPONS");
        assertThat(r.invariants()).allSatisfy(i -> assertThat(i.status()).as(i.name() + " " + i.rows())
                .isEqualTo(Status.PASS));
        assertThat(invariant(r, "FUND").checked()).isEqualTo(2);
        assertThat(invariant(r, "ORDERS_PAYMENTS").checked()).isEqualTo(3);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void brokenRowsFailTheirInvariantsByName() throws Exception {
        H2Stack stack = new H2Stack().seeded();
        stack.exec("mall_inventory", "UPDATE sku SET available = 9 WHERE sku = 'A'");
        stack.exec("pay_fund", "INSERT INTO fund_ledger (account_id, reference, entry_type, delta_available,"
                + " delta_incoming, delta_outgoing, xid, branch_id, created_at) VALUES"
                + " (1, 'P9', 'CREDIT_TRY', 0, 50, 0, 'x9', 91, TIMESTAMP '2026-01-10 12:06:00')");
        stack.exec("pay_accounting",
                "INSERT INTO voucher_line (voucher_id, direction, amount_cents) VALUES (1, 'DEBIT', 5)");

        CheckResult r = check(stack, null);

        assertThat(statuses(r)).containsEntry("STOCK", Status.FAIL).containsEntry("FUND", Status.FAIL)
                .containsEntry("VOUCHERS", Status.FAIL).containsEntry("PAYMENTS_MERCHANT_CREDITS", Status.FAIL)
                .containsEntry("POINTS", Status.PASS).containsEntry("COUPONS", Status.PASS);
        assertThat(invariant(r, "FUND").rows()).extracting(Violation::problem).contains(
                "balance != sum of ledger deltas", "try never confirmed or cancelled");
        assertThat(invariant(r, "PAYMENTS_MERCHANT_CREDITS").rows()).singleElement()
                .satisfies(v -> assertThat(v.values()).containsEntry("reference", "P9"));
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void sinceExcludesOlderResidueFromTheRowLevelChecksOnly() throws Exception {
        H2Stack stack = new H2Stack().seeded();
        stack.exec("mall_order", "INSERT INTO orders VALUES (3, 7, 'PAID', 2200, TIMESTAMP '2026-01-10 10:30:00',"
                + " 'pay-made-up', NULL, TIMESTAMP '2026-01-10 10:00:00')");
        stack.exec("mall_points", "UPDATE points_account SET available = 91");

        CheckResult all = check(stack, null);
        CheckResult recent = check(stack, Instant.parse("2026-01-10T11:00:00Z"));

        assertThat(invariant(all, "ORDERS_PAYMENTS").rows()).singleElement().satisfies(v -> {
            assertThat(v.problem()).isEqualTo("PAID order has no PAID payment");
            assertThat(v.values()).containsEntry("orders.payment_id", "pay-made-up");
        });
        assertThat(invariant(recent, "ORDERS_PAYMENTS").status()).isEqualTo(Status.PASS);
        assertThat(invariant(recent, "POINTS").status()).isEqualTo(Status.FAIL);
        assertThat(recent.since()).isEqualTo(Instant.parse("2026-01-10T11:00:00Z"));
    }

    @Test
    void aCheckThatCannotRunFailsAloneWithItsError() throws Exception {
        H2Stack stack = new H2Stack().seeded();
        stack.exec("mall_coupon", "DROP TABLE user_coupon");

        CheckResult r;
        try (JdbcSql sql = stack.sql()) {
            r = CheckCommand.evaluate(sql, () -> {
                throw new IOException("Connection refused");
            }, NOW, null);
        }

        assertThat(invariant(r, "GLOBAL_TRANSACTIONS").rows()).singleElement().satisfies(v -> assertThat(v.values())
                .containsEntry("error", "IOException: Connection refused"));
        assertThat(invariant(r, "COUPONS").status()).isEqualTo(Status.FAIL);
        assertThat(invariant(r, "COUPONS").rows().get(0).problem()).isEqualTo("check could not run");
        assertThat(invariant(r, "STOCK").status()).isEqualTo(Status.PASS);
    }

    @Test
    void reportPrintsWritesJsonAndReturnsTheExitCode(@TempDir Path dir) throws Exception {
        CheckResult r = check(new H2Stack().seeded(), null);
        Path json = dir.resolve("check.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = CheckCommand.report(r, json, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("RESULT: PASS (0 of 9 invariants failed, 0 warned)");
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.path("status").asText()).isEqualTo("PASS");
        assertThat(written.path("invariants")).hasSize(9);
    }

    @Test
    void sinceIsAnIsoInstantOrADateTimeTakenAsUtc() {
        assertThat(CheckCommand.parseSince("2026-11-21T07:00:00Z")).isEqualTo(Instant.parse("2026-11-21T07:00:00Z"));
        assertThat(CheckCommand.parseSince("2026-11-21T08:00:00+01:00"))
                .isEqualTo(Instant.parse("2026-11-21T07:00:00Z"));
        assertThat(CheckCommand.parseSince("2026-11-21T07:00:00.5")).isEqualTo(Instant.parse("2026-11-21T07:00:00.5Z"));
        assertThatThrownBy(() -> CheckCommand.parseSince("yesterday")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void readsStackEnvKeyValueLines(@TempDir Path dir) throws Exception {
        Path env = dir.resolve("stack.env");
        Files.writeString(env, "# comment\nMALL_DB_URL_PREFIX=jdbc:mysql://127.0.0.1:3306\nSEATA_CONSOLE_PORT=7091\n"
                + "SECRET=a=b\n\n");

        assertThat(CheckCommand.readEnv(env)).containsEntry("MALL_DB_URL_PREFIX", "jdbc:mysql://127.0.0.1:3306")
                .containsEntry("SEATA_CONSOLE_PORT", "7091").containsEntry("SECRET", "a=b").hasSize(3);
    }

    @Test
    void pendingPaymentsCountsOnlyThePendingOnesCreatedSinceTheStart() throws Exception {
        H2Stack stack = new H2Stack().seeded();
        stack.exec("pay_payment",
                "INSERT INTO payment VALUES ('P7', 7, 7, 'M-1', 'CARD', 500, 10, 'PENDING', TIMESTAMP '2026-01-10 12:05:00')",
                "INSERT INTO payment VALUES ('P8', 8, 7, 'M-1', 'CARD', 500, 10, 'PENDING', TIMESTAMP '2026-01-10 11:00:00')",
                "INSERT INTO payment VALUES ('P9', 9, 7, 'M-1', 'CARD', 500, 10, 'FAILED', TIMESTAMP '2026-01-10 12:06:00')",
                "INSERT INTO payment VALUES ('PA', 10, 7, 'M-1', 'CARD', 500, 10, 'CLOSED', TIMESTAMP '2026-01-10 12:06:00')");

        try (JdbcSql sql = stack.sql()) {
            // P8 is PENDING but older than the run; P1 PAID, P9 FAILED, PA CLOSED are final
            assertThat(CheckCommand.pendingPayments(sql, Instant.parse("2026-01-10T12:00:00Z"))).isEqualTo(1);
            assertThat(CheckCommand.pendingPayments(sql, null)).isEqualTo(2);
        }
    }
}
