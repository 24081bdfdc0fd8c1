package io.mallpay.tools.bench;

import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data a benchmark buys with, kept apart from the imported catalogue: SKUs
 * {@code BENCH-0000..BENCH-1023} and users {@code 910000000..910004095}, imported idempotently
 * (a second run inserts nothing). Before each run every bench SKU is topped up through the
 * operator restock when it has fewer than {@link #MIN_AVAILABLE} units, and every user opens with
 * {@link #OPENING_POINTS} points (a checkout freezes one, a cancel gives it back), so neither runs
 * out mid-benchmark. Restocks are counted in the SKU's {@code restocked}, so {@code ./mall check}'s
 * stock invariant keeps holding.
 */
final class Fixtures {

    static final int SKUS = 1024;
    static final int USERS = 4096;
    static final long FIRST_USER = 910_000_000L;
    static final int INITIAL_STOCK = 1_000_000;
    static final int MIN_AVAILABLE = 200_000;
    static final long OPENING_POINTS = 100_000_000L;

    private Fixtures() {
    }

    static String sku(int i) {
        return String.format("BENCH-%04d", Math.floorMod(i, SKUS));
    }

    static long user(int i) {
        return FIRST_USER + Math.floorMod(i, USERS);
    }

    /** Imports the bench SKUs and users (idempotent) and tops up stock; returns what it did. */
    static Map<String, Object> prepare(BenchClient client) throws IOException, InterruptedException {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            items.add(Map.of("sku", sku(i), "name", "Benchmark item " + i, "priceCents", 100 + (i % 900),
                    "initialStock", INITIAL_STOCK));
        }
        require(client.importCatalog(items), "catalogue import");
        for (int from = 0; from < USERS; from += 2000) {
            List<Map<String, Object>> users = new ArrayList<>();
            for (int i = from; i < Math.min(USERS, from + 2000); i++) {
                users.add(Map.of("userId", user(i), "openingPoints", OPENING_POINTS));
            }
            require(client.importUsers(users), "user import");
        }
        long restocked = 0;
        long units = 0;
        for (int from = 0; from < SKUS; from += 500) {
            List<String> batch = new ArrayList<>();
            for (int i = from; i < Math.min(SKUS, from + 500); i++) {
                batch.add(sku(i));
            }
            Answer a = require(client.lookup(batch), "stock lookup");
            for (var node : a.body()) {
                long available = node.path("available").asLong();
                if (available < MIN_AVAILABLE) {
                    require(client.restock(node.path("sku").asText(), INITIAL_STOCK - available), "restock");
                    restocked++;
                    units += INITIAL_STOCK - available;
                }
            }
        }
        Map<String, Object> out = new HashMap<>();
        out.put("skus", SKUS);
        out.put("users", USERS);
        out.put("restockedSkus", restocked);
        out.put("restockedUnits", units);
        return out;
    }

    static Answer require(Answer a, String what) throws IOException {
        if (!a.ok()) {
            throw new IOException(what + " answered " + a.status() + " " + a.code() + ": " + a.detail());
        }
        return a;
    }
}
