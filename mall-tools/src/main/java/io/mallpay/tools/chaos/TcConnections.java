package io.mallpay.tools.chaos;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts each stack component's ESTABLISHED TCP connections to the Seata TC's port, from
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6} (sockets whose remote port is the TC's, state
 * 01) and the {@code socket:[INODE]} links in {@code /proc/PID/fd} of each pid in
 * {@code <run dir>/pids/NAME.pid}. A healthy client holds {@link #EXPECTED} (its TM and RM
 * channels); issue 14 saw 46 on a client whose failed registrations leaked channels. Linux only;
 * components whose pid or fds cannot be read are left out.
 */
final class TcConnections {

    /** A service's normal number: one TM and one RM channel. */
    static final int EXPECTED = 2;
    private static final String ESTABLISHED = "01";

    private TcConnections() {
    }

    /** Component name → ESTABLISHED connections to {@code tcPort}, for every pid file under {@code runDir/pids}. */
    static Map<String, Integer> count(Path proc, Path runDir, int tcPort) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            Path file = proc.resolve(table);
            if (Files.isReadable(file)) {
                inodes.addAll(inodesTo(Files.readAllLines(file), tcPort));
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        Path pids = runDir.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return counts;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
            for (Path f : files) {
                String name = f.getFileName().toString().replaceFirst("\\.pid$", "");
                String pid = Files.readString(f).trim();
                Path fd = proc.resolve(pid).resolve("fd");
                if (!pid.matches("\\d+") || !Files.isDirectory(fd)) {
                    continue;
                }
                int n = 0;
                try (DirectoryStream<Path> links = Files.newDirectoryStream(fd)) {
                    for (Path link : links) {
                        String inode = socketInode(readLink(link));
                        if (inode != null && inodes.contains(inode)) {
                            n++;
                        }
                    }
                } catch (IOException e) {
                    continue; // not ours to read, or gone
                }
                counts.put(name, n);
            }
        }
        return counts;
    }

    /**
     * Inodes of the sockets in a {@code /proc/net/tcp[6]} table (header line first) that are
     * ESTABLISHED to remote port {@code port} (the table's hex {@code rem_address ADDR:PORT}).
     */
    static Set<String> inodesTo(List<String> table, int port) {
        Set<String> inodes = new HashSet<>();
        for (String line : table) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[0].endsWith(":")) {
                continue; // header or malformed
            }
            String rem = f[2];
            int colon = rem.lastIndexOf(':');
            if (colon < 0 || !ESTABLISHED.equals(f[3])) {
                continue;
            }
            try {
                if (Integer.parseInt(rem.substring(colon + 1), 16) == port && !"0".equals(f[9])) {
                    inodes.add(f[9]);
                }
            } catch (NumberFormatException e) {
                // not a port
            }
        }
        return inodes;
    }

    /** The inode of an fd link target {@code socket:[12345]}; null for anything else. */
    static String socketInode(String target) {
        if (target == null || !target.startsWith("socket:[") || !target.endsWith("]")) {
            return null;
        }
        return target.substring("socket:[".length(), target.length() - 1);
    }

    /** The components holding more than {@link #EXPECTED}, as findings; empty when none. */
    static List<String> findings(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > EXPECTED)
                .map(e -> e.getKey() + " holds " + e.getValue() + " ESTABLISHED connections to the TC after recovery"
                        + " (expected at most " + EXPECTED + ": its TM and RM channels)")
                .toList();
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
