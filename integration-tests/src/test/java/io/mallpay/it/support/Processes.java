package io.mallpay.it.support;

import java.io.IOException;
import java.nio.file.Files;

/** Freezes and thaws a stack component's process (SIGSTOP/SIGCONT), by the pid ./mall recorded. */
public final class Processes {

    private Processes() {
    }

    public static long pid(String component) {
        try {
            return Long.parseLong(Files.readString(Stack.get().root().resolve(".run/pids/" + component + ".pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void signal(String component, String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid(component))).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + component + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
