package io.mallpay.accounting.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator API of {@code pay-accounting}: the trial balance and the drain statistics. Read-only. */
@RestController
@Tag(name = "ledger", description = "Trial balance over all vouchers (pence) and booking progress")
public class LedgerController {

    private final LedgerService ledger;

    public LedgerController(LedgerService ledger) {
        this.ledger = ledger;
    }

    /**
     * {@code GET /api/accounting/trial-balance} → {@code {accounts:[{accountCode, accountName,
     * debitCents, creditCents}], totalDebitCents, totalCreditCents, balanced, voucherCount,
     * unbalancedVouchers:[]}}.
     */
    @Operation(summary = "Trial balance: debits and credits per account; balanced must be true")
    @ApiResponse(responseCode = "200", description = "the trial balance")
    @GetMapping("/api/accounting/trial-balance")
    public TrialBalanceResponse trialBalance() {
        return ledger.trialBalance();
    }

    /** {@code GET /api/accounting/stats} → {@code {voucherCount, lastVoucherAt}} (UTC, null when none). */
    @Operation(summary = "How many vouchers are booked and when the latest was")
    @ApiResponse(responseCode = "200", description = "the statistics")
    @GetMapping("/api/accounting/stats")
    public StatsResponse stats() {
        return ledger.stats();
    }
}
