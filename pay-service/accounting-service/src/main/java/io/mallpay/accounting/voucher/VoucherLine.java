package io.mallpay.accounting.voucher;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * One line of a voucher ({@code voucher_line}): an amount in pence (always &gt; 0) on the debit or
 * credit side of one account, with the user or merchant it concerns when there is one.
 */
@TableName("voucher_line")
public class VoucherLine {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long voucherId;
    private int lineNo;
    private String accountCode;
    private String accountName;
    private Direction direction;
    private long amountCents;
    private String counterparty;

    public VoucherLine() {
    }

    /** A line not yet attached to a voucher; {@code counterparty} may be null. */
    public static VoucherLine of(int lineNo, Account account, Direction direction, long amountCents,
                                 String counterparty) {
        VoucherLine l = new VoucherLine();
        l.lineNo = lineNo;
        l.accountCode = account.code();
        l.accountName = account.name();
        l.direction = direction;
        l.amountCents = amountCents;
        l.counterparty = counterparty;
        return l;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getVoucherId() {
        return voucherId;
    }

    public void setVoucherId(Long voucherId) {
        this.voucherId = voucherId;
    }

    public int getLineNo() {
        return lineNo;
    }

    public void setLineNo(int lineNo) {
        this.lineNo = lineNo;
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

    public Direction getDirection() {
        return direction;
    }

    public void setDirection(Direction direction) {
        this.direction = direction;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public void setAmountCents(long amountCents) {
        this.amountCents = amountCents;
    }

    public String getCounterparty() {
        return counterparty;
    }

    public void setCounterparty(String counterparty) {
        this.counterparty = counterparty;
    }
}
