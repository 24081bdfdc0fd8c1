package io.mallpay.tools.chaos;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mallpay.tools.replay.ReplayCommand;
import io.mallpay.tools.replay.ReplayOptions;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real replay of a scenario: {@link ReplayCommand#run} in this JVM (no invariant hook: chaos
 * checks after recovery; with {@code --restock}, so that work replayed before on this stack still
 * finds stock and the fault meets real payments), its JSON report in {@code <run dir>/chaos/<scenario>-replay.json} read
 * back as the summary. Its output goes through to {@code out}; the listener learns from it when
 * invoices start and how many will run ({@code "..., M to run on N workers"}) and how many are done (the progress line, at
 * most 5 s old without a terminal, 250 ms with one).
 */
final class ToolsReplayRunner implements ReplayRunner {

    private static final Pattern PROGRESS = Pattern.compile("(\\d+)/(\\d+) invoices");
    private static final Pattern TO_RUN = Pattern.compile("(\\d+) to run on ");

    private final ChaosOptions options;
    private final PrintStream out;

    ToolsReplayRunner(ChaosOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    @Override
    public Result run(Scenario scenario, Listener listener) throws Exception {
        Path report = options.runDir().resolve("chaos").resolve(scenario.name() + "-replay.json");
        Files.deleteIfExists(report);
        ReplayOptions replay = new ReplayOptions(options.stackEnv(), options.file(), options.orders(),
                options.concurrency(), report, options.seed() + Math.max(0, scenario.ordinal()), null, null, null,
                true);
        int exit;
        try (PrintStream tap = new PrintStream(new Tap(out, listener), true, StandardCharsets.UTF_8)) {
            exit = ReplayCommand.run(replay, tap);
        }
        Map<String, Object> summary = Files.isRegularFile(report)
                ? new ObjectMapper().readValue(report.toFile(), new TypeReference<Map<String, Object>>() { })
                : null;
        return new Result(exit, summary);
    }

    /** Passes bytes through and reads each line ({@code \n} or {@code \r} ended) for the listener. */
    static final class Tap extends OutputStream {
        private final PrintStream out;
        private final Listener listener;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Tap(PrintStream out, Listener listener) {
            this.out = out;
            this.listener = listener;
        }

        @Override
        public synchronized void write(int b) {
            out.write(b);
            if (b == '\n' || b == '\r') {
                read(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        private void read(String text) {
            Matcher run = TO_RUN.matcher(text);
            if (run.find()) {
                listener.started(Integer.parseInt(run.group(1)));
            }
            Matcher m = PROGRESS.matcher(text);
            if (m.find()) {
                listener.progress(Integer.parseInt(m.group(1)));
            }
        }
    }

    @Override
    public String toString() {
        return "replay of " + (options.file() == null ? ReplayOptions.DEFAULT_FILE : options.file());
    }
}
