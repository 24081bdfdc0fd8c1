package io.mallpay.accounting.deadletter;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Poison decisions, one row per message id; the latest decision about a message wins. */
@Mapper
public interface PoisonMessageMapper extends BaseMapper<PoisonMessage> {

    /** Inserts or overwrites the reason for {@code messageId}. */
    @Insert("INSERT INTO poison_message (message_id, message_key, reason, seen_at)"
            + " VALUES (#{messageId}, #{key}, #{reason}, CURRENT_TIMESTAMP(3))"
            + " ON DUPLICATE KEY UPDATE message_key = #{key}, reason = #{reason}, seen_at = CURRENT_TIMESTAMP(3)")
    int upsert(@Param("messageId") String messageId, @Param("key") String key, @Param("reason") String reason);
}
