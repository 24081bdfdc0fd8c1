package io.mallpay.points.db;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import io.mallpay.points.account.PointsAccount;
import io.mallpay.points.account.PointsAccountMapper;
import io.mallpay.points.award.PointsAwardMapper;
import io.mallpay.points.freeze.FreezeStatus;
import io.mallpay.points.freeze.PointsFreeze;
import io.mallpay.points.freeze.PointsFreezeMapper;
import io.mallpay.points.ledger.LedgerEntry;
import io.mallpay.points.ledger.LedgerMapper;
import io.mallpay.points.reward.PointsReward;
import io.mallpay.points.reward.PointsRewardMapper;
import io.mallpay.points.reward.RewardStatus;
import org.apache.ibatis.mapping.BoundSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the mappers into a MyBatis-Plus configuration, without a database, and checks the SQL
 * they will send: a typo in a parameter name or a lost {@code FOR UPDATE} / balance condition
 * would otherwise only show against the real stack.
 */
class MapperSqlTest {

    private static final MybatisConfiguration config = new MybatisConfiguration();

    @BeforeAll
    static void loadMappers() {
        config.setMapUnderscoreToCamelCase(true);
        config.addMapper(PointsAccountMapper.class);
        config.addMapper(PointsFreezeMapper.class);
        config.addMapper(PointsAwardMapper.class);
        config.addMapper(LedgerMapper.class);
        config.addMapper(PointsRewardMapper.class);
    }

    @Test
    void balanceUpdatesCarryTheirNonNegativeCondition() {
        Map<String, Object> args = Map.of("userId", 7L, "points", 30L);

        assertThat(sql(PointsAccountMapper.class, "freeze", args))
                .contains("available = available - ?", "frozen = frozen + ?", "WHERE user_id = ? AND available >= ?");
        assertThat(sql(PointsAccountMapper.class, "spendFrozen", args))
                .contains("frozen = frozen - ?", "WHERE user_id = ? AND frozen >= ?");
        assertThat(sql(PointsAccountMapper.class, "unfreeze", args))
                .contains("available = available + ?", "frozen = frozen - ?", "AND frozen >= ?");
        assertThat(bound(PointsAccountMapper.class, "freeze", args).getParameterMappings())
                .extracting(m -> m.getProperty()).containsExactly("points", "points", "userId", "points");
    }

    @Test
    void freezeAndAwardAreReadWithARowLock() {
        assertThat(sql(PointsFreezeMapper.class, "selectForUpdate", 1001L)).endsWith("FOR UPDATE");
        assertThat(sql(PointsAwardMapper.class, "countForUpdate", Map.of("orderId", 1001L, "reason", "CONSUMPTION")))
                .endsWith("FOR UPDATE");
    }

    @Test
    void rewardConfirmReadsTheRewardAndTheAccountWithARowLock() {
        assertThat(sql(PointsRewardMapper.class, "selectForUpdate", "PAY-1"))
                .contains("WHERE payment_id = ?").endsWith("FOR UPDATE");
        assertThat(sql(PointsAccountMapper.class, "selectForUpdate", 7L))
                .contains("FROM points_account WHERE user_id = ?").endsWith("FOR UPDATE");
        assertThat(sql(PointsAwardMapper.class, "selectForUpdate", Map.of("orderId", 1001L, "reason", "PAYMENT_REWARD")))
                .contains("WHERE order_id = ? AND reason = ?").endsWith("FOR UPDATE");
    }

    @Test
    void rewardMovesAreConditionalAndACancelOnlyHitsItsOwnGlobalTransaction() {
        assertThat(sql(PointsRewardMapper.class, "transition",
                Map.of("paymentId", "PAY-1", "from", RewardStatus.TRIED, "to", RewardStatus.CONFIRMED)))
                .contains("SET status = ?", "WHERE payment_id = ? AND status = ?");
        assertThat(sql(PointsRewardMapper.class, "cancel", Map.of("paymentId", "PAY-1", "xid", "x:1")))
                .contains("SET status = 'CANCELLED'", "WHERE payment_id = ? AND status = 'TRIED' AND xid = ?");
        assertThat(bound(PointsRewardMapper.class, "cancel", Map.of("paymentId", "PAY-1", "xid", "x:1"))
                .getParameterMappings()).extracting(m -> m.getProperty()).containsExactly("paymentId", "xid");
        assertThat(sql(PointsRewardMapper.class, "retry", Map.of("paymentId", "PAY-1", "xid", "x:2")))
                .contains("SET status = 'TRIED', xid = ?", "WHERE payment_id = ? AND status = 'CANCELLED'");
    }

    @Test
    void pendingRewardPointsSumOnlyTriedRewardsOfTheUser() {
        assertThat(sql(PointsRewardMapper.class, "pendingPoints", 7L))
                .contains("COALESCE(SUM(points), 0)", "WHERE user_id = ? AND status = 'TRIED'");
    }

    @Test
    void freezeTransitionIsConditionalOnTheCurrentStatus() {
        Map<String, Object> args = Map.of("orderId", 1001L, "from", FreezeStatus.FROZEN, "to", FreezeStatus.SPENT);

        assertThat(sql(PointsFreezeMapper.class, "transition", args)).contains("WHERE order_id = ? AND status = ?");
    }

    @Test
    void insertsLeaveTimestampsToTheDatabaseAndMapEveryColumn() {
        assertThat(sql(LedgerMapper.class, "insert", LedgerEntry.award(7, 1001, 25, "CONSUMPTION")))
                .contains("user_id", "order_id", "entry_type", "reason", "delta_available", "delta_frozen")
                .doesNotContain("created_at");
        assertThat(sql(PointsFreezeMapper.class, "insert", PointsFreeze.frozen(1001, 7, 30)))
                .contains("order_id", "user_id", "points", "status").doesNotContain("created_at");
        assertThat(sql(PointsRewardMapper.class, "insert", PointsReward.tried("x:1", "PAY-1", 1001, 7, 25)))
                .contains("payment_id", "order_id", "user_id", "points", "status", "xid").doesNotContain("created_at");
        assertThat(sql(PointsAccountMapper.class, "insert", PointsAccount.opened(7, 100)))
                .contains("user_id", "available", "frozen").doesNotContain("created_at");
    }

    private static String sql(Class<?> mapper, String method, Object args) {
        return bound(mapper, method, args).getSql().replaceAll("\\s+", " ").trim();
    }

    private static BoundSql bound(Class<?> mapper, String method, Object args) {
        return config.getMappedStatement(mapper.getName() + "." + method).getBoundSql(args);
    }
}
