package io.mallpay.fund.topup;

import io.mallpay.common.web.ApiException;
import io.mallpay.fund.account.FundAccountService;
import io.mallpay.fund.api.FundAccountClient.AccountStatus;
import io.mallpay.fund.api.FundAccountClient.FundAccountResponse;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.mallpay.fund.db.EmbeddedFundDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wallet top-ups against the real schema (H2, MySQL mode): idempotency and nothing written on refusal. */
@SpringJUnitConfig(EmbeddedFundDb.class)
class TopUpServiceTest {

    @Autowired
    private TopUpService topUps;
    @Autowired
    private FundAccountService accounts;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        EmbeddedFundDb.clear(jdbc);
    }

    @AfterEach
    void ledgerExplainsEveryBalance() {
        assertThat(EmbeddedFundDb.accountsNotExplainedByTheLedger(jdbc)).isEmpty();
    }

    @Test
    void firstTopUpOpensTheWalletAndAddsToAvailable() {
        FundAccountResponse wallet = topUps.topUp(7L, "T1", 5_000);

        assertThat(wallet).isEqualTo(new FundAccountResponse(OwnerType.USER, "7", AccountStatus.ACTIVE, 5_000, 0, 0));
        assertThat(ledger()).containsExactly("OPENING:T1:0", "TOP_UP:T1:5000");
    }

    @Test
    void theSameTopUpAgainChangesNothingAndAnswersTheWallet() {
        topUps.topUp(7L, "T1", 5_000);
        topUps.topUp(7L, "T2", 1_000);

        FundAccountResponse again = topUps.topUp(7L, "T1", 5_000);

        assertThat(again.availableCents()).isEqualTo(6_000);
        assertThat(ledger()).containsExactly("OPENING:T1:0", "TOP_UP:T1:5000", "TOP_UP:T2:1000");
    }

    @Test
    void theSameIdWithAnotherAmountIsRefusedAndChangesNothing() {
        topUps.topUp(7L, "T1", 5_000);

        assertThatThrownBy(() -> topUps.topUp(7L, "T1", 5_001))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));

        assertThat(accounts.view(OwnerType.USER, "7").availableCents()).isEqualTo(5_000);
        assertThat(ledger()).hasSize(2);
    }

    @Test
    void theSameIdForAnotherUserIsRefusedWithoutOpeningTheirWallet() {
        topUps.topUp(7L, "T1", 5_000);

        assertThatThrownBy(() -> topUps.topUp(8L, "T1", 5_000))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fund_account WHERE owner_id = '8'", Long.class)).isZero();
    }

    @Test
    void aFrozenWalletTakesNoTopUpAndRecordsNone() {
        topUps.topUp(7L, "T1", 5_000);
        accounts.changeStatus(OwnerType.USER, "7", AccountStatus.FROZEN);

        assertThatThrownBy(() -> topUps.topUp(7L, "T2", 1_000))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("FUND_ACCOUNT_FROZEN"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fund_top_up WHERE top_up_id = 'T2'", Long.class)).isZero();
        assertThat(accounts.view(OwnerType.USER, "7").availableCents()).isEqualTo(5_000);
    }

    @Test
    void aNonPositiveAmountIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> topUps.topUp(7L, "T1", 0))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fund_account", Long.class)).isZero();
    }

    private List<String> ledger() {
        return jdbc.queryForList("SELECT CONCAT(entry_type, ':', reference, ':', delta_available) FROM fund_ledger"
                + " ORDER BY id", String.class);
    }
}
