package io.mallpay.it.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./mall} as a user would, capturing exit code and combined output, within a time-out. */
public final class MallCli {

    public record Result(int exitCode, String output, long millis) {
    }

    private MallCli() {
    }

    public static Result run(Map<String, String> env, long timeoutSeconds, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Stack.get().root().resolve("mall").toString());
        cmd.addAll(List.of(args));
        return exec(cmd, Stack.get().root(), env, timeoutSeconds);
    }

    /**
     * Runs {@code cmd} in {@code dir} with its output (stdout and stderr together) going to a
     * temporary file, so the time-out is enforced however much or little it prints. A command
     * still running after {@code timeoutSeconds} is killed with its whole process tree and fails
     * the test with an {@link AssertionError} that carries what it printed so far.
     */
    public static Result exec(List<String> cmd, Path dir, Map<String, String> env, long timeoutSeconds) {
        Path out = null;
        long t0 = System.nanoTime();
        try {
            out = Files.createTempFile("mall-cli-", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                // the command and its helpers, never a stack component it launched (those outlive it)
                p.descendants().filter(h -> !isStackComponent(h)).forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", cmd) + " still running after " + timeoutSeconds
                        + "s (killed); its output so far:\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static boolean isStackComponent(ProcessHandle h) {
        return h.info().arguments().map(a -> List.of(a).stream().anyMatch(x -> x.startsWith("-Dmall.component=")))
                .orElse(false);
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path tempRunDir(String name) {
        try {
            return Files.createTempDirectory(Stack.get().root().resolve(".run"), name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
