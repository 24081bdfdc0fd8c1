package io.mallpay.common.tx;

import io.mallpay.common.web.ApiException;
import org.apache.seata.rm.datasource.exec.LockConflictException;
import org.springframework.http.HttpStatus;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Re-runs a transactional AT branch whose commit met another global transaction's lock on a row,
 * or that InnoDB rolled back as a deadlock victim.
 *
 * <p>Why here and not in Seata: with {@code retry-policy-branch-rollback-on-conflict: true} (the
 * safe setting, which never waits while holding a row's local lock), Seata retries only
 * auto-commit statements; a {@code @Transactional} branch fails at once with
 * {@link LockConflictException}. Each retry here is a fresh local transaction after a jittered
 * pause, so nothing is held while waiting and a global rollback that must undo the row is never
 * blocked by us.
 *
 * <p>When the attempts run out it throws {@code GLOBAL_LOCK_BUSY} (503); the caller's global
 * transaction then rolls back and the client may retry with the same Idempotency-Key.
 */
public final class GlobalLockRetry {

    private GlobalLockRetry() {
    }

    /**
     * @param attempts  total tries, ≥ 1
     * @param pauseMillis mean pause between tries; each pause is drawn from [pause/2, 3·pause/2)
     */
    public static <T> T run(Supplier<T> branch, int attempts, long pauseMillis) {
        for (int attempt = 1; ; attempt++) {
            try {
                return branch.get();
            } catch (RuntimeException e) {
                if (!isLockConflict(e) && !isDeadlock(e)) {
                    throw e;
                }
                if (attempt >= attempts) {
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "GLOBAL_LOCK_BUSY",
                            "rows held by another global transaction for " + attempts + " tries: " + rootMessage(e));
                }
                sleep(pauseMillis / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, pauseMillis)));
            }
        }
    }

    public static void run(Runnable branch, int attempts, long pauseMillis) {
        run(() -> {
            branch.run();
            return null;
        }, attempts, pauseMillis);
    }

    /** Whether {@code e} or one of its causes is Seata's {@code LockConflictException}. */
    public static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LockConflictException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database chose this local transaction as a deadlock victim (or timed out on a row
     * lock): InnoDB has rolled it back entirely, so running it again from the start is safe. Typical
     * case: two transactions taking gap locks on the same absent key (an idempotency check
     * {@code SELECT … FOR UPDATE}) and then both inserting into that gap.
     */
    public static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.dao.PessimisticLockingFailureException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213
                    || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "GLOBAL_LOCK_BUSY", "interrupted while retrying");
        }
    }
}
