package io.mallpay.accounting.ledger;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The trial balance and the drain statistics. Each answer is read in one read-only transaction, so
 * its numbers come from one snapshot even while the consumer keeps booking. No errors of its own.
 */
@Service
public class LedgerService {

    static final int MAX_UNBALANCED_LISTED = 1000;

    private final LedgerMapper ledger;

    public LedgerService(LedgerMapper ledger) {
        this.ledger = ledger;
    }

    /** Totals per account and overall (pence), the voucher count and any voucher that does not balance. */
    @Transactional(readOnly = true)
    public TrialBalanceResponse trialBalance() {
        List<AccountTotal> totals = ledger.accountTotals();
        long debit = 0;
        long credit = 0;
        for (AccountTotal t : totals) {
            debit = Math.addExact(debit, t.getDebitCents());
            credit = Math.addExact(credit, t.getCreditCents());
        }
        List<Long> unbalanced = ledger.unbalancedVoucherIds(MAX_UNBALANCED_LISTED);
        List<AccountBalanceResponse> accounts = totals.stream()
                .map(t -> new AccountBalanceResponse(t.getAccountCode(), t.getAccountName(), t.getDebitCents(),
                        t.getCreditCents()))
                .toList();
        return new TrialBalanceResponse(accounts, debit, credit, debit == credit && unbalanced.isEmpty(),
                ledger.voucherCount(), unbalanced);
    }

    /** Voucher count and when the latest one was booked. */
    @Transactional(readOnly = true)
    public StatsResponse stats() {
        LocalDateTime last = ledger.lastVoucherAt();
        return new StatsResponse(ledger.voucherCount(), last == null ? null : last.toInstant(ZoneOffset.UTC));
    }
}
