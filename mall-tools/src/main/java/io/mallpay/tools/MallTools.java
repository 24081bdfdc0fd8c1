package io.mallpay.tools;

import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point of the operator commands that {@code ./mall} runs against the local stack:
 * {@code import --stack-env FILE [--file CSV] [--seed N] [--report PATH]}. Exit 0 on success,
 * 1 on failure (message on stderr), 2 on bad arguments.
 */
public final class MallTools {

    private MallTools() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("import")) {
            System.err.println("usage: import --stack-env FILE [--file CSV] [--seed N] [--report PATH]");
            System.exit(2);
        }
        Path stackEnv = null;
        Path file = null;
        Path report = null;
        long seed = 42;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--stack-env" -> stackEnv = Path.of(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (stackEnv == null || file == null) {
            System.err.println("import needs --stack-env and --file");
            System.exit(2);
        }
        try {
            StackClient stack = new StackClient(stackEnv);
            Map<String, Object> result = ImportCommand.run(stack, file, seed);
            String json = stack.json().writerWithDefaultPrettyPrinter().writeValueAsString(result);
            System.out.println(json);
            if (report != null) {
                java.nio.file.Files.writeString(report, json);
            }
        } catch (Exception e) {
            System.err.println("import failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
