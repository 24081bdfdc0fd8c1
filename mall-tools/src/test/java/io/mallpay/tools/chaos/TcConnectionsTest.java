package io.mallpay.tools.chaos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Connections to the TC port (8091 = 0x1F9B) counted from a /proc fixture. */
class TcConnectionsTest {

    private static final List<String> TCP = List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            // the TC listening, and its accepted side of a connection (local port 8091): not a client's
            "   0: 0100007F:1F9B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 100 1 0",
            "   1: 0100007F:1F9B 0100007F:A001 01 00000000:00000000 00:00000000 00000000     0        0 101 1 0",
            // ESTABLISHED to 8091: inodes 201, 202 (order), 301..303 (payment)
            "   2: 0100007F:A001 0100007F:1F9B 01 00000000:00000000 00:00000000 00000000     0        0 201 1 0",
            "   3: 0100007F:A002 0100007F:1F9B 01 00000000:00000000 00:00000000 00000000     0        0 202 1 0",
            "   4: 0100007F:A003 0100007F:1F9B 01 00000000:00000000 00:00000000 00000000     0        0 301 1 0",
            "   5: 0100007F:A004 0100007F:1F9B 01 00000000:00000000 00:00000000 00000000     0        0 302 1 0",
            "   6: 0100007F:A005 0100007F:1F9B 01 00000000:00000000 00:00000000 00000000     0        0 303 1 0",
            // TIME_WAIT to 8091 (06) and ESTABLISHED to Nacos 8848 (0x2290): not counted
            "   7: 0100007F:A006 0100007F:1F9B 06 00000000:00000000 00:00000000 00000000     0        0 0 1 0",
            "   8: 0100007F:A007 0100007F:2290 01 00000000:00000000 00:00000000 00000000     0        0 304 1 0");

    private static final List<String> TCP6 = List.of(
            "  sl  local_address                         remote_address                        st tx_queue rx_queue tr"
                    + " tm->when retrnsmt   uid  timeout inode",
            "   0: 0000000000000000FFFF00000100007F:A010 0000000000000000FFFF00000100007F:1F9B 01 00000000:00000000"
                    + " 00:00000000 00000000     0        0 305 1 0");

    @Test
    void onlyEstablishedSocketsToTheTcPortCount() {
        assertThat(TcConnections.inodesTo(TCP, 8091)).containsExactlyInAnyOrder("201", "202", "301", "302", "303");
        assertThat(TcConnections.inodesTo(TCP6, 8091)).containsExactly("305");
        assertThat(TcConnections.socketInode("socket:[301]")).isEqualTo("301");
        assertThat(TcConnections.socketInode("pipe:[301]")).isNull();
        assertThat(TcConnections.socketInode("/dev/null")).isNull();
    }

    @Test
    void eachComponentsFdsAreMatchedAndOnlyAnExcessIsAFinding(@TempDir Path dir) throws Exception {
        Path proc = dir.resolve("proc");
        Files.createDirectories(proc.resolve("net"));
        Files.write(proc.resolve("net/tcp"), TCP);
        Files.write(proc.resolve("net/tcp6"), TCP6);
        fds(proc, "11", "socket:[201]", "socket:[202]", "socket:[304]", "/dev/null");
        fds(proc, "22", "socket:[301]", "socket:[302]", "socket:[303]", "socket:[305]");
        fds(proc, "33", "socket:[100]", "socket:[101]");
        Path run = dir.resolve("run");
        Files.createDirectories(run.resolve("pids"));
        Files.writeString(run.resolve("pids/mall-order.pid"), "11\n");
        Files.writeString(run.resolve("pids/pay-payment.pid"), "22\n");
        Files.writeString(run.resolve("pids/seata.pid"), "33\n");
        Files.writeString(run.resolve("pids/gone.pid"), "44\n"); // no such process: left out

        Map<String, Integer> counts = TcConnections.count(proc, run, 8091);

        assertThat(counts).containsExactly(Map.entry("mall-order", 2), Map.entry("pay-payment", 4),
                Map.entry("seata", 0));
        assertThat(TcConnections.findings(counts)).singleElement().asString()
                .startsWith("pay-payment holds 4 ESTABLISHED connections to the TC");
    }

    private static void fds(Path proc, String pid, String... targets) throws Exception {
        Path fd = Files.createDirectories(proc.resolve(pid).resolve("fd"));
        for (int i = 0; i < targets.length; i++) {
            Files.createSymbolicLink(fd.resolve(String.valueOf(i)), Path.of(targets[i]));
        }
    }
}
