package io.mallpay.pay.bank;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface BankCallbackMapper extends BaseMapper<BankCallbackRecord> {

    /** Remembers a verified callback's nonce; a duplicate key means the callback is a replay. */
    @Insert("INSERT INTO bank_nonce (nonce) VALUES (#{nonce})")
    int insertNonce(@Param("nonce") String nonce);

    /** Forgets nonces older than the replay window can accept (they would be refused as stale anyway). */
    @Delete("DELETE FROM bank_nonce WHERE received_at < #{before}")
    int purgeNonces(@Param("before") LocalDateTime before);

    @Select("<script>SELECT * FROM bank_callback"
            + "<if test='outcome != null'> WHERE outcome = #{outcome}</if>"
            + " ORDER BY id DESC LIMIT #{limit}</script>")
    List<BankCallbackRecord> list(@Param("outcome") String outcome, @Param("limit") int limit);
}
