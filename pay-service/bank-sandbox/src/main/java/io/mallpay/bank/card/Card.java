package io.mallpay.bank.card;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A simulated bank card and its balance in pence. The balance only changes with a ledger row. */
@TableName("card")
public class Card {

    /** What a card number may look like: letters, digits and dashes, 1 to 32 of them (URL-safe). */
    public static final String NUMBER_PATTERN = "[A-Za-z0-9-]{1,32}";

    @TableId(type = IdType.INPUT)
    private String cardNumber;
    private String holder;
    private Long balanceCents;

    public Card() {
    }

    public Card(String cardNumber, String holder, long balanceCents) {
        this.cardNumber = cardNumber;
        this.holder = holder;
        this.balanceCents = balanceCents;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    public String getHolder() {
        return holder;
    }

    public void setHolder(String holder) {
        this.holder = holder;
    }

    public Long getBalanceCents() {
        return balanceCents;
    }

    public void setBalanceCents(Long balanceCents) {
        this.balanceCents = balanceCents;
    }
}
