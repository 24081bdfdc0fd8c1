package io.mallpay.pay.card;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface UserCardMapper extends BaseMapper<UserCard> {

    /** Binds or re-binds the user's card. */
    @Insert("INSERT INTO user_card (user_id, card_number) VALUES (#{userId}, #{cardNumber})"
            + " ON DUPLICATE KEY UPDATE card_number = VALUES(card_number), bound_at = CURRENT_TIMESTAMP(3)")
    int bind(@Param("userId") long userId, @Param("cardNumber") String cardNumber);
}
