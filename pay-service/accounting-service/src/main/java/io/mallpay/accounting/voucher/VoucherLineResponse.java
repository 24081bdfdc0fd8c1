package io.mallpay.accounting.voucher;

/**
 * One voucher line: {@code direction} DEBIT or CREDIT, {@code amountCents} &gt; 0 in pence,
 * {@code counterparty} the user id (wallet line) or merchant id (payable line), else null.
 */
public record VoucherLineResponse(int lineNo, String accountCode, String accountName, String direction,
                                  long amountCents, String counterparty) {

    static VoucherLineResponse of(VoucherLine l) {
        return new VoucherLineResponse(l.getLineNo(), l.getAccountCode(), l.getAccountName(),
                l.getDirection().name(), l.getAmountCents(), l.getCounterparty());
    }
}
