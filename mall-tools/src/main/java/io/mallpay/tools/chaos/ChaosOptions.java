package io.mallpay.tools.chaos;

import java.nio.file.Path;
import java.util.List;

/**
 * Options of {@code ./mall chaos SCENARIO|all}.
 *
 * @param stackEnv    the running stack's {@code .run/stack.env} (its directory is the run directory)
 * @param mallScript  the project's {@code ./mall}, used for {@code kill} and {@code start}
 * @param scenarios   what to run, in order
 * @param file        the retail CSV to replay; null for the replay's default
 * @param orders      invoices per scenario's replay
 * @param concurrency replay workers
 * @param seed        base seed; a scenario replays with {@code seed + its position in Scenario.ALL},
 *                    so the scenarios of one {@code all} do not just replay each other's keys
 * @param report      where the JSON report goes; null for none
 */
public record ChaosOptions(Path stackEnv, Path mallScript, List<Scenario> scenarios, Path file, int orders,
                           int concurrency, long seed, Path report) {

    public static final int DEFAULT_ORDERS = 120;
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final long DEFAULT_SEED = 42;

    public ChaosOptions {
        if (stackEnv == null || mallScript == null) {
            throw new IllegalArgumentException("chaos needs the stack's stack.env and the ./mall script");
        }
        if (scenarios == null || scenarios.isEmpty()) {
            throw new IllegalArgumentException("chaos needs a scenario or all");
        }
        if (orders < 1 || concurrency < 1) {
            throw new IllegalArgumentException("--orders and --concurrency must be ≥ 1");
        }
        scenarios = List.copyOf(scenarios);
    }

    /**
     * {@code all}, {@code ci} ({@link Scenario#CI}), or scenario names separated by commas, run in
     * the order given.
     *
     * @throws IllegalArgumentException naming the unknown scenario
     */
    public static List<Scenario> parseScenarios(String arg) {
        if ("all".equals(arg)) {
            return Scenario.ALL;
        }
        List<String> names = "ci".equals(arg) ? Scenario.CI : List.of(arg.split(",", -1));
        return names.stream().map(String::trim).map(n -> Scenario.named(n).orElseThrow(() ->
                new IllegalArgumentException("unknown scenario '" + n + "'; one of all, ci, or a comma-separated list of "
                        + String.join(", ", Scenario.ALL.stream().map(Scenario::name).toList())))).toList();
    }

    public Path runDir() {
        return stackEnv.toAbsolutePath().getParent();
    }
}
