package io.mallpay.bank.card;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * One change of a card balance, in pence (negative for a debit). {@code chargeId} is the charge
 * that debited the card, or null for the opening balance. Append-only.
 */
@TableName("card_ledger")
public class CardLedgerEntry {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String cardNumber;
    private String chargeId;
    private Long deltaCents;

    public CardLedgerEntry() {
    }

    public CardLedgerEntry(String cardNumber, String chargeId, long deltaCents) {
        this.cardNumber = cardNumber;
        this.chargeId = chargeId;
        this.deltaCents = deltaCents;
    }

    public static CardLedgerEntry opening(String cardNumber, long balanceCents) {
        return new CardLedgerEntry(cardNumber, null, balanceCents);
    }

    public static CardLedgerEntry debit(String cardNumber, String chargeId, long amountCents) {
        return new CardLedgerEntry(cardNumber, chargeId, -amountCents);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    public String getChargeId() {
        return chargeId;
    }

    public void setChargeId(String chargeId) {
        this.chargeId = chargeId;
    }

    public Long getDeltaCents() {
        return deltaCents;
    }

    public void setDeltaCents(Long deltaCents) {
        this.deltaCents = deltaCents;
    }
}
