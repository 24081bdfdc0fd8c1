package io.mallpay.tools.check;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mall check}: proves the invariants of DESIGN.md "Invariants" against a running stack,
 * reading its databases (SELECT only, one REPEATABLE READ snapshot per database) and the Seata
 * console. Nine checks: the global ones (STOCK, POINTS, FUND, VOUCHERS, GLOBAL_TRANSACTIONS) over
 * all rows, the row-level ones (PAYMENTS_VOUCHERS, PAYMENTS_MERCHANT_CREDITS, ORDERS_PAYMENTS,
 * COUPONS) over rows created at or after {@code since} (all rows when null). A check that cannot
 * run (database or console unreachable) FAILs with the error as its row. Never writes anything.
 */
public final class CheckCommand {

    private CheckCommand() {
    }

    /**
     * Runs every check, prints the report to {@code out} and, when {@code jsonReport} is not null,
     * writes the same as JSON there. Returns the exit code: 0 when every invariant holds (PASS or
     * WARN), 1 when any FAILs. Throws IOException if {@code stackEnv} cannot be read or the JSON
     * report cannot be written.
     */
    public static int run(Path stackEnv, Instant since, Path jsonReport, PrintStream out) throws IOException {
        return report(evaluate(stackEnv, since), jsonReport, out);
    }

    /** Prints {@code result}, writes it as JSON to {@code jsonReport} unless null, returns its exit code. */
    static int report(CheckResult result, Path jsonReport, PrintStream out) throws IOException {
        ReportPrinter.print(result, out);
        if (jsonReport != null) {
            Files.writeString(jsonReport, new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(result.toJson()));
        }
        return result.exitCode();
    }

    /**
     * Runs every check against the stack described by {@code stackEnv} ({@code .run/stack.env}:
     * MALL_DB_URL_PREFIX, SEATA_CONSOLE_PORT/USERNAME/PASSWORD; db user {@code mall} unless
     * MALL_DB_USERNAME says otherwise) and returns the structured result, for embedding in other
     * reports. GLOBAL_TRANSACTIONS judges sessions by their timeout only ({@link UnfinishedRule}).
     * Throws IOException if {@code stackEnv} cannot be read.
     */
    public static CheckResult evaluate(Path stackEnv, Instant since) throws IOException {
        return evaluate(stackEnv, since, null);
    }

    /**
     * As {@link #evaluate(Path, Instant)}, for a run that ended at {@code runEnded} and then waited
     * for the TC to settle: a global session begun before {@code runEnded} and still listed is
     * unfinished whatever its age. {@code runEnded} null: judged by timeout only.
     */
    public static CheckResult evaluate(Path stackEnv, Instant since, Instant runEnded) throws IOException {
        Map<String, String> env = readEnv(stackEnv);
        String prefix = env.getOrDefault("MALL_DB_URL_PREFIX", "jdbc:mysql://127.0.0.1:3306");
        try (JdbcSql sql = JdbcSql.mariaDb(prefix, env.getOrDefault("MALL_DB_USERNAME", "mall"),
                env.getOrDefault("MALL_DB_PASSWORD", ""))) {
            return evaluate(sql, () -> console(env), Clock.systemUTC(), since, runEnded);
        }
    }

    /**
     * How many payments created at or after {@code since} are still PENDING in {@code pay_payment}
     * (for {@code ./mall chaos}: after the drain, every payment of a scenario should have ended
     * PAID, FAILED or CLOSED).
     *
     * @throws IOException when stack.env cannot be read or the database does not answer
     */
    public static int pendingPayments(Path stackEnv, Instant since) throws IOException {
        Map<String, String> env = readEnv(stackEnv);
        String prefix = env.getOrDefault("MALL_DB_URL_PREFIX", "jdbc:mysql://127.0.0.1:3306");
        try (JdbcSql sql = JdbcSql.mariaDb(prefix, env.getOrDefault("MALL_DB_USERNAME", "mall"),
                env.getOrDefault("MALL_DB_PASSWORD", ""))) {
            return pendingPayments(sql, since);
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot read pay_payment: " + e.getMessage(), e);
        }
    }

    static int pendingPayments(Sql sql, Instant since) throws java.sql.SQLException {
        CheckContext ctx = CheckContext.of(sql, Instant.now(), since);
        return (int) Tables.payments(sql).stream()
                .filter(p -> "PENDING".equals(p.str("status")) && ctx.inWindow(p.time("created_at"))).count();
    }

    /**
     * How many global transactions the Seata TC holds right now (its console's live sessions, any
     * status), for {@code ./mall chaos}'s "in flight at the fault" figure.
     *
     * @throws IOException when stack.env cannot be read or the console does not answer
     */
    public static int liveGlobalTransactions(Path stackEnv) throws IOException, InterruptedException {
        return console(readEnv(stackEnv)).globalSessions().size();
    }

    /**
     * How many of the global transactions the Seata TC holds right now were begun before
     * {@code begunBefore} (a session with an unreadable begin time counts): what {@code ./mall chaos}
     * waits for after a run, ignoring the ones background jobs began since.
     *
     * @throws IOException when stack.env cannot be read or the console does not answer
     */
    public static int liveGlobalTransactions(Path stackEnv, Instant begunBefore)
            throws IOException, InterruptedException {
        return (int) console(readEnv(stackEnv)).globalSessions().stream()
                .filter(s -> UnfinishedRule.begunBefore(s, begunBefore)).count();
    }

    private static SeataConsole.Reader console(Map<String, String> env) throws IOException, InterruptedException {
        return SeataConsole.login(Integer.parseInt(require(env, "SEATA_CONSOLE_PORT")),
                require(env, "SEATA_CONSOLE_USERNAME"), require(env, "SEATA_CONSOLE_PASSWORD"));
    }

    /** Opens the console only when its check runs, so a console failure fails that check alone. */
    interface ConsoleOpener {
        SeataConsole.Reader open() throws Exception;
    }

    /** One check that may throw; {@link #evaluate(Sql, ConsoleOpener, Clock, Instant, Instant)} turns a throw into a FAIL. */
    private interface Check {
        InvariantResult run() throws Exception;
    }

    static CheckResult evaluate(Sql sql, ConsoleOpener console, Instant now, Instant since) {
        return evaluate(sql, console, Clock.fixed(now, ZoneOffset.UTC), since, null);
    }

    /** {@code clock}: the time of the database checks, and again of the console read. */
    static CheckResult evaluate(Sql sql, ConsoleOpener console, Clock clock, Instant since, Instant runEnded) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CheckContext ctx = CheckContext.of(sql, now, since);
        List<InvariantResult> results = new ArrayList<>();
        results.add(guard(StockCheck.NAME, StockCheck.DESCRIPTION, () -> StockCheck.run(ctx)));
        results.add(guard(PointsCheck.NAME, PointsCheck.DESCRIPTION, () -> PointsCheck.run(ctx)));
        results.add(guard(FundCheck.NAME, FundCheck.DESCRIPTION, () -> FundCheck.run(ctx)));
        results.add(guard(VoucherCheck.NAME, VoucherCheck.DESCRIPTION, () -> VoucherCheck.run(ctx)));
        results.add(guard(GlobalTransactionCheck.NAME, GlobalTransactionCheck.DESCRIPTION,
                () -> GlobalTransactionCheck.run(console.open(), new UnfinishedRule(clock.instant(), runEnded))));
        results.add(guard(PaymentVoucherCheck.NAME, PaymentVoucherCheck.DESCRIPTION,
                () -> PaymentVoucherCheck.run(ctx)));
        results.add(guard(MerchantCreditCheck.NAME, MerchantCreditCheck.DESCRIPTION,
                () -> MerchantCreditCheck.run(ctx)));
        results.add(guard(OrderPaymentCheck.NAME, OrderPaymentCheck.DESCRIPTION, () -> OrderPaymentCheck.run(ctx)));
        results.add(guard(CouponCheck.NAME, CouponCheck.DESCRIPTION, () -> CouponCheck.run(ctx)));
        return new CheckResult(now, since, results);
    }

    private static InvariantResult guard(String name, String description, Check check) {
        try {
            return check.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Findings.broken(name, description, e);
        } catch (Exception e) {
            return Findings.broken(name, description, e);
        }
    }

    /**
     * The {@code --since} argument: an ISO instant ({@code 2026-11-21T07:00:00Z}), an ISO date-time
     * with offset ({@code 2026-11-21T08:00:00+01:00}) or one without, taken as UTC like the
     * databases' timestamps. Throws {@link java.time.format.DateTimeParseException} otherwise (a bad
     * argument: exit 2).
     */
    public static Instant parseSince(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    /** The KEY=VALUE lines of stack.env; anything else (comments, blanks) is skipped. */
    public static Map<String, String> readEnv(Path stackEnv) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(stackEnv)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return env;
    }

    private static String require(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null) {
            throw new IllegalStateException("stack.env has no " + key + ": is the stack up (./mall up)?");
        }
        return value;
    }
}
