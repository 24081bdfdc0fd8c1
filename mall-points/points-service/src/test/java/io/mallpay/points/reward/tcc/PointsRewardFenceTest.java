package io.mallpay.points.reward.tcc;

import io.mallpay.common.web.ApiException;
import io.mallpay.points.api.PointsClient.PointsRewardRequest;
import io.mallpay.points.reward.PointsRewardController;
import io.mallpay.points.reward.PointsRewardMapper;
import org.apache.seata.common.Constants;
import org.apache.seata.common.holder.ObjectHolder;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.BranchStatus;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.rm.DefaultResourceManager;
import org.apache.seata.rm.tcc.interceptor.parser.TccActionInterceptorParser;
import org.apache.seata.spring.annotation.AdapterSpringSeataInterceptor;
import org.apache.seata.spring.boot.autoconfigure.SeataClientEnvironmentPostProcessor;
import org.apache.seata.spring.boot.autoconfigure.SeataCoreEnvironmentPostProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reward action under Seata 2.1's real TCC code against an embedded database (H2 in MySQL mode,
 * schema from the service's own migrations): the try goes through Seata's TCC interceptor and
 * {@code SpringFenceHandler.prepareFence}, phase 2 through the real {@code TCCResourceManager}
 * ({@code commitFence} / {@code rollbackFence}) fed the application data the interceptor
 * registered, JSON round trip included. Only the TC is replaced, by {@link LocalTc}.
 */
@SpringJUnitConfig(FenceTestConfig.class)
class PointsRewardFenceTest {

    private static final long USER = 7L;
    private static final long ORDER = 1001L;
    private static LocalTc TC;
    /** Unique xids: after a suspension Seata deletes that fence row asynchronously. */
    private static final AtomicInteger XIDS = new AtomicInteger();

    @Autowired
    private DataSource dataSource;
    @Autowired
    private PointsRewardAction target;
    @Autowired
    private PointsRewardMapper rewards;

    private JdbcTemplate jdbc;
    private PointsRewardAction action;

    @BeforeAll
    static void replaceTheTc() {
        // what the Seata starter does at start-up: its config provider reads Spring's environment
        StandardEnvironment environment = new StandardEnvironment();
        new SeataCoreEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        new SeataClientEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        ObjectHolder.INSTANCE.setObject(Constants.OBJECT_KEY_SPRING_CONFIGURABLE_ENVIRONMENT, environment);
        TC = new LocalTc();
        DefaultResourceManager.get(); // loads Seata's own resource managers first, or they would replace ours
        DefaultResourceManager.mockResourceManager(BranchType.TCC, TC);
    }

    @BeforeEach
    void userWith100PointsAndTheSeataProxy() {
        jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("tcc_fence_log", "points_reward", "points_award", "points_ledger", "points_account")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("INSERT INTO points_account (user_id, available, frozen) VALUES (?, 100, 0)", USER);
        jdbc.update("INSERT INTO points_ledger (user_id, entry_type, delta_available, delta_frozen) VALUES (?, 'OPENING', 100, 0)", USER);
        TC.onRegister = xid -> { };
        action = seataProxy(target);
    }

    @Test
    void theTryRecordsThePendingRewardOnlyAndAConfirmTwiceCreditsOnce() throws Exception {
        String xid = xid();
        tryReward(xid, "PAY-1", USER, 25);

        assertThat(rewardStatus("PAY-1")).isEqualTo("TRIED");
        assertThat(rewards.pendingPoints(USER)).isEqualTo(25);
        assertThat(available()).isEqualTo(100);
        assertThat(fenceStatus(xid)).isEqualTo(1);

        assertThat(TC.commit(xid)).isEqualTo(BranchStatus.PhaseTwo_Committed);
        assertThat(TC.commit(xid)).isEqualTo(BranchStatus.PhaseTwo_Committed);

        assertThat(available()).isEqualTo(125);
        assertThat(rewardLedgerRows()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_award WHERE order_id = ? AND reason = 'PAYMENT_REWARD'",
                Integer.class, ORDER)).isEqualTo(1);
        assertThat(rewardStatus("PAY-1")).isEqualTo("CONFIRMED");
        assertThat(rewards.pendingPoints(USER)).isZero();
        assertThat(fenceStatus(xid)).isEqualTo(2);
        assertBalanceEqualsLedger();
    }

    @Test
    void aCancelTwiceCancelsOnceAndCreditsNothing() throws Exception {
        String xid = xid();
        tryReward(xid, "PAY-1", USER, 25);

        assertThat(TC.rollback(xid)).isEqualTo(BranchStatus.PhaseTwo_Rollbacked);
        assertThat(TC.rollback(xid)).isEqualTo(BranchStatus.PhaseTwo_Rollbacked);

        assertThat(rewardStatus("PAY-1")).isEqualTo("CANCELLED");
        assertThat(fenceStatus(xid)).isEqualTo(3);
        assertThat(available()).isEqualTo(100);
        assertThat(rewardLedgerRows()).isZero();
        assertBalanceEqualsLedger();
    }

    @Test
    void aCancelWithNoTryIsAnEmptyRollbackThatChangesNothing() throws Exception {
        String xid = xid();
        // the branch is registered, then the try's local transaction fails: nothing of it remains
        assertThatThrownBy(() -> tryReward(xid, "PAY-1", 8L, 25))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_USER"));
        assertThat(fenceStatus(xid)).isNull();

        assertThat(TC.rollback(xid)).isEqualTo(BranchStatus.PhaseTwo_Rollbacked);

        assertThat(fenceStatus(xid)).isEqualTo(4);
        assertThat(rewardStatus("PAY-1")).isNull();
        assertThat(available()).isEqualTo(100);
        assertBalanceEqualsLedger();
    }

    @Test
    void aTryArrivingAfterItsCancelIsRefusedAsSuspendedAndChangesNothing() {
        String xid = xid();
        AtomicReference<BranchStatus> cancel = new AtomicReference<>();
        // the TC times the branch out and rolls it back while the try is still on its way
        TC.onRegister = registered -> cancel.set(TC.rollback(registered));
        PointsRewardController controller = new PointsRewardController(action);

        RootContext.bind(xid);
        try {
            assertThatThrownBy(() -> controller.reward(new PointsRewardRequest("PAY-1", ORDER, USER, 25)))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo("TCC_SUSPENDED");
                        assertThat(e.status().value()).isEqualTo(409);
                    });
        } finally {
            RootContext.unbind();
        }

        assertThat(cancel.get()).isEqualTo(BranchStatus.PhaseTwo_Rollbacked);
        assertThat(rewardStatus("PAY-1")).isNull();
        assertThat(available()).isEqualTo(100);
        assertBalanceEqualsLedger();
    }

    @Test
    void aPaymentRewardedAgainByALaterGlobalTransactionIsCreditedOnce() throws Exception {
        String first = xid();
        tryReward(first, "PAY-1", USER, 25);
        TC.rollback(first);
        String second = xid();
        tryReward(second, "PAY-1", USER, 25);
        TC.commit(second);
        String third = xid();
        tryReward(third, "PAY-1", USER, 25);
        TC.commit(third);

        assertThat(available()).isEqualTo(125);
        assertThat(rewardLedgerRows()).isEqualTo(1);
        assertThat(rewardStatus("PAY-1")).isEqualTo("CONFIRMED");
        assertBalanceEqualsLedger();
    }

    /** What the application's caller does: the XID is bound, Seata's proxy fills the context in. */
    private void tryReward(String xid, String paymentId, long userId, long points) {
        RootContext.bind(xid);
        try {
            action.tryReward(null, paymentId, ORDER, userId, points);
        } finally {
            RootContext.unbind();
        }
    }

    /** The proxy GlobalTransactionScanner builds for a {@code @LocalTCC} bean (registering its resource). */
    private static PointsRewardAction seataProxy(PointsRewardAction bean) {
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        factory.addAdvice(new AdapterSpringSeataInterceptor(
                new TccActionInterceptorParser().parserInterfaceToProxy(bean, "pointsRewardAction")));
        return (PointsRewardAction) factory.getProxy();
    }

    private static String xid() {
        return "10.0.0.1:8091:" + XIDS.incrementAndGet();
    }

    private long available() {
        return jdbc.queryForObject("SELECT available FROM points_account WHERE user_id = ?", Long.class, USER);
    }

    private int rewardLedgerRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM points_ledger WHERE user_id = ? AND entry_type = 'AWARD'"
                + " AND reason = 'PAYMENT_REWARD' AND delta_available = 25 AND delta_frozen = 0", Integer.class, USER);
    }

    private String rewardStatus(String paymentId) {
        return jdbc.queryForList("SELECT status FROM points_reward WHERE payment_id = ?", String.class, paymentId)
                .stream().findFirst().orElse(null);
    }

    private Integer fenceStatus(String xid) {
        return jdbc.queryForList("SELECT status FROM tcc_fence_log WHERE xid = ?", Integer.class, xid)
                .stream().findFirst().orElse(null);
    }

    /** DESIGN.md's points invariant: the balance equals the ledger sum. */
    private void assertBalanceEqualsLedger() {
        assertThat(jdbc.queryForObject("SELECT SUM(delta_available) FROM points_ledger WHERE user_id = ?", Long.class, USER))
                .isEqualTo(available());
    }
}
