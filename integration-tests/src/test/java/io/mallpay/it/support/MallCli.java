package io.mallpay.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./mall} as a user would, capturing exit code and combined output. */
public final class MallCli {

    public record Result(int exitCode, String output, long millis) {
    }

    private MallCli() {
    }

    public static Result run(Map<String, String> env, long timeoutSeconds, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Stack.get().root().resolve("mall").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Stack.get().root().toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("./mall " + String.join(" ", args) + " still running after " + timeoutSeconds + "s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
            return java.nio.file.Files.createTempDirectory(Stack.get().root().resolve(".run"), name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
