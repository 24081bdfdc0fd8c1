package io.mallpay.tools.bench;

import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hot-sku}: one fresh SKU per run with {@link #unitsFor} units, bought one unit at a time by
 * a different user per request from every worker at once, until the first {@code OUT_OF_STOCK}
 * (sold out) or the run's duration. The throughput is orders per second until then; afterwards
 * the inventory database must show no oversell: the orders taken equal the units reserved plus
 * sold, and never exceed the stock.
 */
final class HotSkuScenario implements BenchScenario {

    @Override
    public String name() {
        return "hot-sku";
    }

    @Override
    public String describe() {
        return "POST /api/orders, 1 unit of one SKU, every worker, until sold out";
    }

    /** Stock of the run's SKU: enough for about 30 orders per second for the whole run. */
    static int unitsFor(java.time.Duration duration) {
        return (int) Math.max(100, duration.toSeconds() * 30);
    }

    @Override
    public Result run(Run run) throws Exception {
        int stock = unitsFor(run.duration());
        String sku = "BH" + run.key().hashCode() + run.concurrency();
        sku = sku.replace('-', 'M');
        Fixtures.require(run.client().importCatalog(List.of(Map.of("sku", sku, "name", "Hot benchmark item",
                "priceCents", 500, "initialStock", stock))), "hot SKU import");
        List<String> lines = List.of(sku);
        ClosedLoop.Measured m = run.loop((worker, n) -> {
            Answer a = run.client().checkout(run.key() + "-" + worker + "-" + n,
                    Fixtures.user(worker + run.concurrency() * (int) n), lines, 0);
            if (a.ok()) {
                run.orders().add(a.body().path("orderId").asLong());
                return ClosedLoop.Outcome.OK;
            }
            return new ClosedLoop.Outcome(a.code(), "OUT_OF_STOCK".equals(a.code()));
        });
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("sku", sku);
        extra.put("stock", stock);
        extra.put("soldOut", m.stopped());
        extra.putAll(run.checker().check(sku, stock, m.transactions()));
        return new Result(m, extra);
    }
}
