package io.mallpay.bank.card;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** Cards. The debit is one conditional UPDATE, so two charges can never overdraw a card together. */
@Mapper
public interface CardMapper extends BaseMapper<Card> {

    /** Takes {@code amountCents} (pence) off the card if it has that much; 1 = debited, 0 = short or unknown. */
    @Update("UPDATE card SET balance_cents = balance_cents - #{amountCents}, updated_at = NOW(3)"
            + " WHERE card_number = #{cardNumber} AND balance_cents >= #{amountCents}")
    int debit(@Param("cardNumber") String cardNumber, @Param("amountCents") long amountCents);
}
