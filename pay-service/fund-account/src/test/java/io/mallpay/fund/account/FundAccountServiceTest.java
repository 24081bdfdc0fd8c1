package io.mallpay.fund.account;

import io.mallpay.common.web.ApiException;
import io.mallpay.fund.api.FundAccountClient.AccountStatus;
import io.mallpay.fund.api.FundAccountClient.OwnerType;
import io.mallpay.fund.db.EmbeddedFundDb;
import io.mallpay.fund.topup.TopUpService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Account reads, status changes and owner ids against the real schema (H2, MySQL mode). */
@SpringJUnitConfig(EmbeddedFundDb.class)
class FundAccountServiceTest {

    @Autowired
    private FundAccountService accounts;
    @Autowired
    private TopUpService topUps;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        EmbeddedFundDb.clear(jdbc);
    }

    @Test
    void aUserIdIsTheSameWalletWhateverItsLeadingZeros() {
        topUps.topUp(7L, "T1", 300);

        assertThat(accounts.view(OwnerType.USER, "007").availableCents()).isEqualTo(300);
        assertThat(FundAccountService.ownerKey(OwnerType.USER, "007")).isEqualTo("7");
        assertThat(FundAccountService.ownerKey(OwnerType.MERCHANT, "007")).isEqualTo("007");
    }

    @Test
    void anOwnerIdThatIsBlankTooLongOrNotAPositiveUserIdIsAValidationFailure() {
        for (String bad : new String[] {"abc", "0", "-3", "99999999999999999999", " "}) {
            assertThatThrownBy(() -> FundAccountService.ownerKey(OwnerType.USER, bad))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
        }
        // MySQL's INSERT IGNORE would silently truncate a longer merchant id to the column's 64 characters
        assertThatThrownBy(() -> FundAccountService.ownerKey(OwnerType.MERCHANT, "M".repeat(65)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
    }

    @Test
    void unknownAccountIsNotFound() {
        assertThatThrownBy(() -> accounts.view(OwnerType.MERCHANT, "M-NOBODY"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_FUND_ACCOUNT"));
        assertThatThrownBy(() -> accounts.changeStatus(OwnerType.MERCHANT, "M-NOBODY", AccountStatus.FROZEN))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_FUND_ACCOUNT"));
    }

    @Test
    void freezingIsIdempotentAndWritesNoLedgerRow() {
        topUps.topUp(7L, "T1", 300);

        assertThat(accounts.changeStatus(OwnerType.USER, "7", AccountStatus.FROZEN).status()).isEqualTo(AccountStatus.FROZEN);
        assertThat(accounts.changeStatus(OwnerType.USER, "7", AccountStatus.FROZEN).status()).isEqualTo(AccountStatus.FROZEN);
        assertThat(accounts.view(OwnerType.USER, "7").status()).isEqualTo(AccountStatus.FROZEN);
        assertThat(accounts.changeStatus(OwnerType.USER, "7", AccountStatus.ACTIVE).status()).isEqualTo(AccountStatus.ACTIVE);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fund_ledger", Long.class)).isEqualTo(2);
    }
}
