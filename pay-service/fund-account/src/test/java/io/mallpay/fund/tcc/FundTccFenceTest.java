package io.mallpay.fund.tcc;

import io.mallpay.common.web.ApiException;
import io.mallpay.fund.db.EmbeddedFundDb;
import io.mallpay.fund.topup.TopUpService;
import org.apache.seata.common.exception.FrameworkErrorCode;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.BranchStatus;
import org.apache.seata.integration.tx.api.fence.exception.CommonFenceException;
import org.apache.seata.integration.tx.api.interceptor.handler.ProxyInvocationHandler;
import org.apache.seata.integration.tx.api.interceptor.parser.DefaultInterfaceParser;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.spring.annotation.AdapterSpringSeataInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fund TCC branches under Seata 2.1's real machinery, without a TC process: the actions are
 * proxied by Seata's own interceptor ({@code TccActionInterceptorHandler} through
 * {@link AdapterSpringSeataInterceptor}, as {@code GlobalTransactionScanner} does), so a try
 * registers a branch, builds the JSON action context and runs inside
 * {@code SpringFenceHandler.prepareFence}; phase 2 goes through {@code TCCResourceManager}'s
 * {@code branchCommit}/{@code branchRollback} and {@code commitFence}/{@code rollbackFence} on
 * {@code tcc_fence_log} in H2 (MySQL mode). Only the TC's network side is replaced
 * ({@link InMemoryTc}). After every scenario each balance equals its ledger sum.
 */
@SpringJUnitConfig(EmbeddedFundDb.class)
class FundTccFenceTest {

    private static final String MERCHANT = "M-ONLINE-RETAIL";
    private static final long USER = 7L;
    private static final int TRIED = 1;
    private static final int COMMITTED = 2;
    private static final int ROLLBACKED = 3;
    private static final int SUSPENDED = 4;

    @Autowired
    private FundAccountCreditAction creditBean;
    @Autowired
    private FundAccountDebitAction debitBean;
    @Autowired
    private TopUpService topUps;
    @Autowired
    private JdbcTemplate jdbc;

    private InMemoryTc tc;
    private FundAccountCreditAction credit;
    private FundAccountDebitAction debit;

    @BeforeAll
    static void seataClientConfiguration() {
        SeataClientEnvironment.prepare();
    }

    @BeforeEach
    void seataProxiesOnAnEmptyDatabase() throws Exception {
        EmbeddedFundDb.clear(jdbc);
        tc = InMemoryTc.install();
        credit = seataProxy(creditBean, "fundAccountCreditAction");
        debit = seataProxy(debitBean, "fundAccountDebitAction");
    }

    @AfterEach
    void ledgerExplainsEveryBalance() {
        RootContext.unbind();
        assertThat(EmbeddedFundDb.accountsNotExplainedByTheLedger(jdbc))
                .as("accounts whose balances differ from their ledger sums").isEmpty();
    }

    @Test
    void confirmTwiceCreditsOnce() throws Exception {
        long branch = tryCredit("xid-1", "P1", 5_000);
        assertThat(balances("MERCHANT", MERCHANT)).containsExactly(0L, 5_000L, 0L);
        assertThat(fenceStatus("xid-1", branch)).isEqualTo(TRIED);

        assertThat(tc.commit(branch)).isEqualTo(BranchStatus.PhaseTwo_Committed);
        assertThat(tc.commit(branch)).isEqualTo(BranchStatus.PhaseTwo_Committed);

        assertThat(balances("MERCHANT", MERCHANT)).containsExactly(5_000L, 0L, 0L);
        assertThat(fenceStatus("xid-1", branch)).isEqualTo(COMMITTED);
        assertThat(entryTypes()).containsExactly("OPENING", "CREDIT_TRY", "CREDIT_CONFIRM");
    }

    @Test
    void cancelTwiceReturnsTheDebitOnce() throws Exception {
        topUps.topUp(USER, "T1", 10_000);
        long branch = tryDebit("xid-2", "P2", 3_000);
        assertThat(balances("USER", "7")).containsExactly(7_000L, 0L, 3_000L);

        assertThat(tc.rollback(branch)).isEqualTo(BranchStatus.PhaseTwo_Rollbacked);
        assertThat(tc.rollback(branch)).isEqualTo(BranchStatus.PhaseTwo_Rollbacked);

        assertThat(balances("USER", "7")).containsExactly(10_000L, 0L, 0L);
        assertThat(fenceStatus("xid-2", branch)).isEqualTo(ROLLBACKED);
        assertThat(entryTypes()).containsExactly("OPENING", "TOP_UP", "DEBIT_TRY", "DEBIT_CANCEL");
    }

    @Test
    void cancelTwiceDropsTheCreditOnceAndConfirmAfterCancelIsRefused() throws Exception {
        long branch = tryCredit("xid-3", "P3", 2_500);

        assertThat(tc.rollback(branch)).isEqualTo(BranchStatus.PhaseTwo_Rollbacked);
        assertThat(tc.rollback(branch)).isEqualTo(BranchStatus.PhaseTwo_Rollbacked);
        assertThat(tc.commit(branch)).as("the fence refuses to confirm a cancelled branch")
                .isEqualTo(BranchStatus.PhaseTwo_CommitFailed_Retryable);

        assertThat(balances("MERCHANT", MERCHANT)).containsExactly(0L, 0L, 0L);
        assertThat(entryTypes()).containsExactly("OPENING", "CREDIT_TRY", "CREDIT_CANCEL");
    }

    @Test
    void confirmedDebitSpendsAmountsBeyondIntegerRange() throws Exception {
        // the JSON action context gives a Long back only when the number needs it
        topUps.topUp(USER, "T-BIG", 6_000_000_000L);
        long branch = tryDebit("xid-4", "P4", 5_000_000_000L);

        assertThat(tc.commit(branch)).isEqualTo(BranchStatus.PhaseTwo_Committed);
        assertThat(tc.commit(branch)).isEqualTo(BranchStatus.PhaseTwo_Committed);

        assertThat(balances("USER", "7")).containsExactly(1_000_000_000L, 0L, 0L);
    }

    @Test
    void cancelBeforeTryIsAnEmptyRollbackAndTheLateTryIsRefusedAsSuspended() {
        // The TC's rollback overtakes the try: it arrives between branch registration and the try
        // body (a try delayed past the global timeout), on another thread as on the RM's channel.
        AtomicReference<BranchStatus> rollback = new AtomicReference<>();
        AtomicReference<Integer> fenceAfterRollback = new AtomicReference<>();
        AtomicReference<Long> accountsAfterRollback = new AtomicReference<>();
        tc.afterRegister(branchId -> {
            rollback.set(CompletableFuture.supplyAsync(() -> rollbackQuietly(branchId)).join());
            fenceAfterRollback.set(fenceStatus("xid-5", branchId));
            accountsAfterRollback.set(jdbc.queryForObject("SELECT COUNT(*) FROM fund_account", Long.class));
        });

        assertThatThrownBy(() -> tryCredit("xid-5", "P5", 4_000))
                .isInstanceOfSatisfying(CommonFenceException.class,
                        e -> assertThat(e.getErrcode()).isEqualTo(FrameworkErrorCode.DuplicateKeyException));

        assertThat(rollback.get()).as("the empty rollback succeeds").isEqualTo(BranchStatus.PhaseTwo_Rollbacked);
        assertThat(fenceAfterRollback.get()).as("and leaves a SUSPENDED fence row").isEqualTo(SUSPENDED);
        assertThat(accountsAfterRollback.get()).as("without touching any account").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fund_account", Long.class))
                .as("the refused try opened no account either").isZero();
        assertThat(entryTypes()).isEmpty();
        // (Seata 2.1 then queues the SUSPENDED row for asynchronous deletion: its branch is over.)
    }

    @Test
    void aFailedTryLeavesNoFenceRowSoItsCancelIsAnEmptyRollback() throws Exception {
        topUps.topUp(USER, "T6", 1_000);

        assertThatThrownBy(() -> tryDebit("xid-6", "P6", 1_001))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("INSUFFICIENT_FUNDS"));
        long branch = tc.lastBranch();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tcc_fence_log", Long.class))
                .as("the try's fence row rolled back with it").isZero();

        assertThat(tc.rollback(branch)).isEqualTo(BranchStatus.PhaseTwo_Rollbacked);

        assertThat(balances("USER", "7")).containsExactly(1_000L, 0L, 0L);
        assertThat(fenceStatus("xid-6", branch)).isEqualTo(SUSPENDED);
        assertThat(entryTypes()).containsExactly("OPENING", "TOP_UP");
    }

    @Test
    void aFrozenAccountRefusesNewTriesButSettlesTheOnesAlreadyTried() throws Exception {
        long branch = tryCredit("xid-7", "P7", 900);
        jdbc.update("UPDATE fund_account SET status = 'FROZEN'");

        assertThatThrownBy(() -> tryCredit("xid-8", "P8", 100))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("FUND_ACCOUNT_FROZEN"));
        assertThat(tc.commit(branch)).isEqualTo(BranchStatus.PhaseTwo_Committed);

        assertThat(balances("MERCHANT", MERCHANT)).containsExactly(900L, 0L, 0L);
    }

    @Test
    void aRepeatedTryForThePaymentInTheSameGlobalTransactionReservesOnce() throws Exception {
        long first = tryCredit("xid-9", "P9", 700);
        long second = tryCredit("xid-9", "P9", 700);
        assertThat(balances("MERCHANT", MERCHANT)).containsExactly(0L, 700L, 0L);

        assertThat(tc.commit(first)).isEqualTo(BranchStatus.PhaseTwo_Committed);
        assertThat(tc.commit(second)).isEqualTo(BranchStatus.PhaseTwo_Committed);

        assertThat(balances("MERCHANT", MERCHANT)).containsExactly(700L, 0L, 0L);
    }

    @Test
    void phaseTwoIsIdempotentAndEmptyRollbackSafeEvenWithoutTheFence() {
        // the raw bean, as if the fence were off: the ledger alone must keep phase 2 once-only
        BusinessActionContext tried = context("xid-10", 11L, "P10", 1_200);
        creditBean.tryCredit(tried, "P10", MERCHANT, 1_200);

        creditBean.confirm(context("xid-10", 11L, "P10", 1_200));
        creditBean.confirm(context("xid-10", 11L, "P10", 1_200));
        creditBean.cancel(context("xid-10", 12L, "P10", 1_200));

        assertThat(balances("MERCHANT", MERCHANT)).containsExactly(1_200L, 0L, 0L);
        assertThat(entryTypes()).containsExactly("OPENING", "CREDIT_TRY", "CREDIT_CONFIRM");
        assertThatThrownBy(() -> creditBean.cancel(context("xid-10", 11L, "P10", 1_200)))
                .as("a confirmed branch is never cancelled").isInstanceOf(IllegalStateException.class);
    }

    private long tryCredit(String xid, String paymentId, long amountCents) {
        RootContext.bind(xid);
        try {
            credit.tryCredit(null, paymentId, MERCHANT, amountCents);
            return tc.lastBranch();
        } finally {
            RootContext.unbind();
        }
    }

    private long tryDebit(String xid, String paymentId, long amountCents) {
        RootContext.bind(xid);
        try {
            debit.tryDebit(null, paymentId, USER, amountCents);
            return tc.lastBranch();
        } finally {
            RootContext.unbind();
        }
    }

    private BranchStatus rollbackQuietly(long branchId) {
        try {
            return tc.rollback(branchId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** available, incoming, outgoing of the owner's account. */
    private List<Long> balances(String ownerType, String ownerId) {
        return jdbc.queryForObject("SELECT available_cents, incoming_cents, outgoing_cents FROM fund_account"
                + " WHERE owner_type = ? AND owner_id = ?",
                (rs, i) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)), ownerType, ownerId);
    }

    private List<String> entryTypes() {
        return jdbc.queryForList("SELECT entry_type FROM fund_ledger ORDER BY id", String.class);
    }

    private int fenceStatus(String xid, long branchId) {
        return jdbc.queryForObject("SELECT status FROM tcc_fence_log WHERE xid = ? AND branch_id = ?",
                Integer.class, xid, branchId);
    }

    /** The context phase 2 receives: the try's arguments, numbers as the JSON round trip leaves them. */
    private static BusinessActionContext context(String xid, long branchId, String paymentId, int amountCents) {
        return new BusinessActionContext(xid, Long.toString(branchId),
                Map.of("paymentId", paymentId, "merchantId", MERCHANT, "amountCents", amountCents));
    }

    @SuppressWarnings("unchecked")
    private static <T> T seataProxy(T bean, String beanName) throws Exception {
        ProxyInvocationHandler handler = DefaultInterfaceParser.get().parserInterfaceToProxy(bean, beanName);
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        factory.addAdvice(new AdapterSpringSeataInterceptor(handler));
        return (T) factory.getProxy();
    }
}
