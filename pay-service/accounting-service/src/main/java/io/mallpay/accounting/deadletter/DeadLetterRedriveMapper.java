package io.mallpay.accounting.deadletter;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** Re-drives; {@code insert} of a second claim for a message id fails on the primary key. */
@Mapper
public interface DeadLetterRedriveMapper extends BaseMapper<DeadLetterRedrive> {

    /** Completes a claim with the id of the message the broker accepted. */
    @Update("UPDATE dead_letter_redrive SET new_message_id = #{newMessageId} WHERE message_id = #{messageId}")
    int recordNewMessageId(@Param("messageId") String messageId, @Param("newMessageId") String newMessageId);
}
