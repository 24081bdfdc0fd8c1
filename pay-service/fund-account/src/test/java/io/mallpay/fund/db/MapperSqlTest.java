package io.mallpay.fund.db;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import io.mallpay.fund.account.FundAccountMapper;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.mallpay.fund.ledger.EntryType;
import io.mallpay.fund.ledger.LedgerEntry;
import io.mallpay.fund.ledger.LedgerMapper;
import io.mallpay.fund.topup.TopUp;
import io.mallpay.fund.topup.TopUpMapper;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the mappers into a MyBatis-Plus configuration, without a database, and checks the SQL
 * they will send: a lost balance guard, status condition or {@code FOR UPDATE} would otherwise only
 * show under concurrency against the real stack.
 */
class MapperSqlTest {

    private static final MybatisConfiguration config = new MybatisConfiguration();
    private static final String GUARDS = "available_cents + ? >= 0 AND incoming_cents + ? >= 0 AND outgoing_cents + ? >= 0";

    @BeforeAll
    static void loadMappers() {
        config.setMapUnderscoreToCamelCase(true);
        config.addMapper(FundAccountMapper.class);
        config.addMapper(LedgerMapper.class);
        config.addMapper(TopUpMapper.class);
    }

    @Test
    void triesAndTopUpsNeedAnActiveAccountAndKeepEveryBalanceNonNegative() {
        LedgerEntry debit = LedgerEntry.of(EntryType.DEBIT_TRY, 3, "P1", 1_200, "xid", 11L);

        assertThat(sql(FundAccountMapper.class, "applyIfActive", Map.of("e", debit)))
                .contains("available_cents = available_cents + ?", "incoming_cents = incoming_cents + ?",
                        "outgoing_cents = outgoing_cents + ?", "WHERE id = ? AND status = 'ACTIVE' AND " + GUARDS);
        assertThat(bound(FundAccountMapper.class, "applyIfActive", Map.of("e", debit)).getParameterMappings())
                .extracting(ParameterMapping::getProperty).containsExactly(
                        "e.deltaAvailable", "e.deltaIncoming", "e.deltaOutgoing", "e.accountId",
                        "e.deltaAvailable", "e.deltaIncoming", "e.deltaOutgoing");
    }

    @Test
    void phaseTwoKeepsTheGuardsButNotTheStatusCondition() {
        LedgerEntry confirm = LedgerEntry.of(EntryType.CREDIT_CONFIRM, 3, "P1", 1_200, "xid", 11L);

        assertThat(sql(FundAccountMapper.class, "apply", Map.of("e", confirm)))
                .contains("WHERE id = ? AND " + GUARDS).doesNotContain("status");
    }

    @Test
    void theDeltasAreTheEntryTypesSigns() {
        LedgerEntry debitTry = LedgerEntry.of(EntryType.DEBIT_TRY, 3, "P1", 1_200, "xid", 11L);
        LedgerEntry creditConfirm = LedgerEntry.of(EntryType.CREDIT_CONFIRM, 3, "P1", 500, "xid", 12L);

        assertThat(new long[] {debitTry.getDeltaAvailable(), debitTry.getDeltaIncoming(), debitTry.getDeltaOutgoing()})
                .containsExactly(-1_200, 0, 1_200);
        assertThat(new long[] {creditConfirm.getDeltaAvailable(), creditConfirm.getDeltaIncoming(), creditConfirm.getDeltaOutgoing()})
                .containsExactly(500, -500, 0);
        assertThat(debitTry.amountCents()).isEqualTo(1_200);
    }

    @Test
    void lockingReadsEndWithForUpdate() {
        assertThat(sql(FundAccountMapper.class, "selectByOwnerForUpdate", Map.of("ownerType", OwnerType.USER, "ownerId", "7")))
                .contains("WHERE owner_type = ? AND owner_id = ?").endsWith("FOR UPDATE");
        assertThat(sql(FundAccountMapper.class, "selectByIdForUpdate", Map.of("id", 3L))).endsWith("FOR UPDATE");
        assertThat(sql(FundAccountMapper.class, "selectByOwner", Map.of("ownerType", OwnerType.USER, "ownerId", "7")))
                .doesNotContain("FOR UPDATE");
    }

    @Test
    void openingAndTopUpsNeverFailOnARaceForTheSameKey() {
        assertThat(sql(FundAccountMapper.class, "openIfAbsent", Map.of("ownerType", OwnerType.MERCHANT, "ownerId", "M-1")))
                .startsWith("INSERT IGNORE INTO fund_account").contains("'ACTIVE', 0, 0, 0");
        assertThat(sql(TopUpMapper.class, "insertIfAbsent", Map.of("t", new TopUp("T1", 3, 500))))
                .startsWith("INSERT IGNORE INTO fund_top_up");
    }

    @Test
    void phaseTwoFindsItsBranchByXidAndBranchId() {
        assertThat(sql(LedgerMapper.class, "selectBranch", Map.of("xid", "xid", "branchId", 11L)))
                .contains("WHERE xid = ? AND branch_id = ?");
        assertThat(sql(LedgerMapper.class, "countTries",
                Map.of("xid", "xid", "reference", "P1", "accountId", 3L, "type", EntryType.CREDIT_TRY)))
                .contains("xid = ?", "reference = ?", "account_id = ?", "entry_type = ?");
    }

    @Test
    void ledgerInsertsMapEveryColumnAndLeaveTimestampsToTheDatabase() {
        assertThat(sql(LedgerMapper.class, "insert", LedgerEntry.of(EntryType.CREDIT_TRY, 3, "P1", 500, "xid", 11L)))
                .contains("account_id", "reference", "entry_type", "delta_available", "delta_incoming",
                        "delta_outgoing", "xid", "branch_id")
                .doesNotContain("created_at");
    }

    private static String sql(Class<?> mapper, String method, Object args) {
        return bound(mapper, method, args).getSql().replaceAll("\\s+", " ").trim();
    }

    private static BoundSql bound(Class<?> mapper, String method, Object args) {
        return config.getMappedStatement(mapper.getName() + "." + method).getBoundSql(args);
    }
}
