package io.mallpay.accounting.ledger;

/** One row of {@link LedgerMapper#accountTotals()}: the pence booked on each side of an account. */
public class AccountTotal {

    private String accountCode;
    private String accountName;
    private long debitCents;
    private long creditCents;

    public AccountTotal() {
    }

    public AccountTotal(String accountCode, String accountName, long debitCents, long creditCents) {
        this.accountCode = accountCode;
        this.accountName = accountName;
        this.debitCents = debitCents;
        this.creditCents = creditCents;
    }

    public String getAccountCode() {
        return accountCode;
    }

    public void setAccountCode(String accountCode) {
        this.accountCode = accountCode;
    }

    public String getAccountName() {
        return accountName;
    }

    public void setAccountName(String accountName) {
        this.accountName = accountName;
    }

    public long getDebitCents() {
        return debitCents;
    }

    public void setDebitCents(long debitCents) {
        this.debitCents = debitCents;
    }

    public long getCreditCents() {
        return creditCents;
    }

    public void setCreditCents(long creditCents) {
        this.creditCents = creditCents;
    }
}
