package io.mallpay.tools;

import io.mallpay.tools.bench.BenchCommand;
import io.mallpay.tools.bench.BenchOptions;
import io.mallpay.tools.chaos.ChaosCommand;
import io.mallpay.tools.chaos.ChaosOptions;
import io.mallpay.tools.chaos.Scenario;
import io.mallpay.tools.check.CheckCommand;
import io.mallpay.tools.check.CheckResult;
import io.mallpay.tools.replay.ReplayCommand;
import io.mallpay.tools.replay.ReplayOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Entry point of the operator commands that {@code ./mall} runs against the local stack. Every
 * command takes {@code --stack-env FILE} (the run directory's stack.env):
 * <ul>
 *   <li>{@code import [--file CSV] [--seed N] [--report PATH]}: SKUs, customers and coupons;</li>
 *   <li>{@code check [--since ISO-8601] [--json PATH]}: the invariants of DESIGN.md; exit 0 only
 *       when all hold;</li>
 *   <li>{@code replay [--file CSV] [--orders N] [--concurrency C] [--seed N] [--report PATH] [--restock]}:
 *       real invoices through the storefront, then the invariant check of what the replay wrote;
 *       {@code --restock} first tops up the SKUs the invoices order;</li>
 *   <li>{@code chaos SCENARIO|all --mall SCRIPT [--file CSV] [--orders N] [--concurrency C] [--seed N]
 *       [--report PATH]}: a replay with one fault injected and recovered, then the invariant check;</li>
 *   <li>{@code bench [SCENARIO...] [--mall SCRIPT] [--concurrency LIST] [--seconds N] [--warmup N]
 *       [--no-baseline] [--sentinel-pairs N] [--report-dir DIR]}: the benchmark ({@link BenchCommand}).</li>
 * </ul>
 * Exit 1 on failure (a violated invariant, a failed import), 2 on bad arguments.
 */
public final class MallTools {

    private static final String USAGE = """
            usage: import --stack-env FILE --file CSV [--seed N] [--report PATH]
                   check  --stack-env FILE [--since ISO-8601] [--json PATH]
                   replay --stack-env FILE [--file CSV] [--orders N] [--concurrency C] [--seed N] [--report PATH]
                          [--restock]
                   chaos SCENARIO|all --stack-env FILE --mall SCRIPT [--file CSV] [--orders N] [--concurrency C]
                         [--seed N] [--report PATH]
                   bench [SCENARIO...] --stack-env FILE [--mall SCRIPT] [--concurrency 8,16,32] [--seconds N]
                         [--warmup N] [--no-baseline] [--sentinel-pairs N] [--report-dir DIR]""";

    private MallTools() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            usage("no command");
        }
        String scenario = null;
        if (args[0].equals("chaos")) {
            if (args.length < 2 || args[1].startsWith("--")) {
                usage("chaos needs a scenario or all");
            }
            scenario = args[1];
            String[] rest = new String[args.length - 1];
            rest[0] = args[0];
            System.arraycopy(args, 2, rest, 1, args.length - 2);
            args = rest;
        }
        List<String> positional = new ArrayList<>();
        if (args[0].equals("bench")) {
            int i = 1;
            while (i < args.length && !args[i].startsWith("--")) {
                positional.add(args[i++]);
            }
            String[] rest = new String[args.length - positional.size()];
            rest[0] = args[0];
            System.arraycopy(args, i, rest, 1, args.length - i);
            args = rest;
        }
        Map<String, String> opts = options(args);
        Path stackEnv = opts.containsKey("stack-env") ? Path.of(opts.get("stack-env")) : null;
        if (stackEnv == null) {
            usage("--stack-env is required");
        }
        switch (args[0]) {
            case "import" -> System.exit(importCommand(stackEnv, opts));
            case "check" -> System.exit(checkCommand(stackEnv, opts));
            case "replay" -> System.exit(replayCommand(stackEnv, opts));
            case "chaos" -> System.exit(chaosCommand(stackEnv, scenario, opts));
            case "bench" -> System.exit(benchCommand(stackEnv, positional, opts));
            default -> usage("unknown command " + args[0]);
        }
    }

    private static int importCommand(Path stackEnv, Map<String, String> opts) {
        if (!opts.containsKey("file")) {
            usage("import needs --file");
        }
        try {
            StackClient stack = new StackClient(stackEnv);
            Map<String, Object> result = ImportCommand.run(stack, Path.of(opts.get("file")),
                    Long.parseLong(opts.getOrDefault("seed", "42")));
            String json = stack.json().writerWithDefaultPrettyPrinter().writeValueAsString(result);
            System.out.println(json);
            if (opts.containsKey("report")) {
                Files.writeString(Path.of(opts.get("report")), json);
            }
            return 0;
        } catch (Exception e) {
            System.err.println("import failed: " + e.getMessage());
            return 1;
        }
    }

    private static int checkCommand(Path stackEnv, Map<String, String> opts) {
        Instant since = null;
        if (opts.containsKey("since")) {
            try {
                since = CheckCommand.parseSince(opts.get("since"));
            } catch (DateTimeParseException e) {
                usage("--since is not an ISO-8601 instant: " + opts.get("since"));
            }
        }
        try {
            return CheckCommand.run(stackEnv, since, opts.containsKey("json") ? Path.of(opts.get("json")) : null,
                    System.out);
        } catch (IOException e) {
            System.err.println("check failed: " + e.getMessage());
            return 1;
        }
    }

    private static int replayCommand(Path stackEnv, Map<String, String> opts) {
        Function<Instant, Object> invariants = start -> {
            try {
                CheckResult r = CheckCommand.evaluate(stackEnv, start);
                Map<String, Object> json = new HashMap<>(r.toJson());
                json.put("ok", r.exitCode() == 0);
                return json;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        ReplayOptions options;
        try {
            options = new ReplayOptions(stackEnv,
                    opts.containsKey("file") ? Path.of(opts.get("file")) : null,
                    opts.containsKey("orders") ? Integer.valueOf(opts.get("orders")) : null,
                    Integer.parseInt(opts.getOrDefault("concurrency", String.valueOf(ReplayOptions.DEFAULT_CONCURRENCY))),
                    opts.containsKey("report") ? Path.of(opts.get("report")) : null,
                    Long.parseLong(opts.getOrDefault("seed", String.valueOf(ReplayOptions.DEFAULT_SEED))),
                    invariants, null, null, opts.containsKey("restock"));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return 2;
        }
        return ReplayCommand.run(options, System.out);
    }

    private static int chaosCommand(Path stackEnv, String scenario, Map<String, String> opts) {
        ChaosOptions options;
        try {
            List<Scenario> scenarios = ChaosOptions.parseScenarios(scenario);
            if (!opts.containsKey("mall")) {
                throw new IllegalArgumentException("chaos needs --mall (the ./mall script)");
            }
            options = new ChaosOptions(stackEnv, Path.of(opts.get("mall")), scenarios,
                    opts.containsKey("file") ? Path.of(opts.get("file")) : null,
                    Integer.parseInt(opts.getOrDefault("orders", String.valueOf(ChaosOptions.DEFAULT_ORDERS))),
                    Integer.parseInt(opts.getOrDefault("concurrency", String.valueOf(ChaosOptions.DEFAULT_CONCURRENCY))),
                    Long.parseLong(opts.getOrDefault("seed", String.valueOf(ChaosOptions.DEFAULT_SEED))),
                    opts.containsKey("report") ? Path.of(opts.get("report")) : null);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return 2;
        }
        return ChaosCommand.run(options, System.out);
    }

    private static int benchCommand(Path stackEnv, List<String> scenarios, Map<String, String> opts) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(stackEnv, scenarios, opts);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return 2;
        }
        return BenchCommand.run(options, System.out);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--restock") || args[i].equals("--no-baseline")) {
                opts.put(args[i].substring(2), "true");
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("unexpected argument " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
