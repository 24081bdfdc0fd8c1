package io.mallpay.tools.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.mallpay.tools.replay.StorefrontApi.Answer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Waits, after the last invoice, until the asynchronous tails of the run have finished, at most
 * {@code timeout}: accounting's voucherCount has grown by at least the payments this run paid and
 * stopped growing (unchanged for {@code stableFor}, or its last voucher older than that); no
 * merchant notification of the run's payments is PENDING; every order the run paid reads PAID in
 * the mall. Then reports when the last voucher and the last notification of the run happened
 * (seconds after the last invoice finished; negative when the tail kept up with the replay; null
 * when the run created none, e.g. a re-run answered entirely from earlier requests).
 */
final class Drainer {

    private static final int PENDING_LIMIT = 1000;

    private final StorefrontApi api;
    private final Duration timeout;
    private final Duration stableFor;
    private final Duration poll;

    Drainer(StorefrontApi api, Duration timeout, Duration stableFor, Duration poll) {
        this.api = api;
        this.timeout = timeout;
        this.stableFor = stableFor;
        this.poll = poll;
    }

    /** accounting's voucherCount, or -1 when accounting does not answer. */
    long voucherCount() throws InterruptedException {
        Answer a = api.accountingStats();
        return a.ok() ? a.body().path("voucherCount").asLong(-1) : -1;
    }

    Map<String, Object> drain(long vouchersBefore, int freshPaid, Map<Long, String> paidOrders, Instant replayStart,
                              Instant replayEnd)
            throws InterruptedException {
        Set<Long> notPaid = new HashSet<>(paidOrders.keySet());
        Set<String> payments = new HashSet<>(paidOrders.values());
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastCount = Long.MIN_VALUE;
        long stableSince = System.nanoTime();
        Answer stats;
        String waiting;
        while (true) {
            stats = api.accountingStats();
            long count = stats.ok() ? stats.body().path("voucherCount").asLong(-1) : -1;
            if (count != lastCount) {
                lastCount = count;
                stableSince = System.nanoTime();
            }
            Instant last = stats.ok() ? instant(stats.body().path("lastVoucherAt")) : null;
            boolean quiet = System.nanoTime() - stableSince >= stableFor.toNanos()
                    || last == null || last.plus(stableFor).isBefore(Instant.now());
            boolean vouchersDone = count >= 0 && count - vouchersBefore >= freshPaid && quiet;
            int pending = pendingOf(payments);
            notPaid.removeIf(id -> readsPaid(id));
            waiting = (vouchersDone ? "" : "vouchers (" + count + ", need " + (vouchersBefore + freshPaid) + ", stable) ")
                    + (pending == 0 ? "" : pending + " pending notifications ")
                    + (notPaid.isEmpty() ? "" : notPaid.size() + " orders not yet PAID");
            if (waiting.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(poll.toMillis());
        }
        Instant drainedAt = Instant.now();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("drained", waiting.isEmpty());
        out.put("waitingFor", waiting.isEmpty() ? null : waiting.trim());
        out.put("drainSeconds", seconds(replayEnd, drainedAt));
        out.put("vouchers", Map.of("before", vouchersBefore, "after", lastCount, "expectedNew", freshPaid));
        Instant lastVoucher = stats.ok() ? instant(stats.body().path("lastVoucherAt")) : null;
        out.put("lastVoucherAt", lastVoucher == null ? null : lastVoucher.toString());
        out.put("lastVoucherSecondsAfterLastInvoice",
                lastVoucher == null || lastCount <= vouchersBefore ? null : seconds(replayEnd, lastVoucher));
        notifications(payments, replayStart, replayEnd, out);
        out.put("ordersNotPaid", notPaid.size());
        return out;
    }

    private int pendingOf(Set<String> payments) throws InterruptedException {
        Answer a = api.pendingNotifications(PENDING_LIMIT);
        if (!a.ok() || !a.body().isArray()) {
            return payments.size();
        }
        int n = 0;
        for (JsonNode row : a.body()) {
            n += payments.contains(row.path("paymentId").asText()) ? 1 : 0;
        }
        return n;
    }

    private boolean readsPaid(long orderId) {
        try {
            Answer a = api.order(orderId);
            return a.ok() && "PAID".equals(a.body().path("status").asText());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Status counts of the run's notifications and the time of the last delivered one. */
    private void notifications(Set<String> payments, Instant replayStart, Instant replayEnd, Map<String, Object> out)
            throws InterruptedException {
        Tally byStatus = new Tally();
        Instant last = null;
        for (String p : payments) {
            Answer a = api.notificationOf(p);
            String status = a.ok() ? a.body().path("notifyStatus").asText() : "MISSING";
            byStatus.add(status);
            Instant at = a.ok() ? instant(a.body().path("updatedAt")) : null;
            if ("SUCCESS".equals(status) && at != null && (last == null || at.isAfter(last))) {
                last = at;
            }
        }
        out.put("notifications", byStatus.snapshot());
        out.put("lastNotificationAt", last == null ? null : last.toString());
        out.put("lastNotificationSecondsAfterLastInvoice",
                last == null || last.isBefore(replayStart) ? null : seconds(replayEnd, last));
    }

    /** An ISO instant, or a zone-less date-time read as UTC (the services' clocks are UTC). */
    static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String s = node.asText();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static double seconds(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMillis() / 100.0) / 10.0;
    }
}
