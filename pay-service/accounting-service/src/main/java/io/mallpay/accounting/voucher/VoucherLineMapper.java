package io.mallpay.accounting.voucher;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.Collection;
import java.util.List;

/** Voucher lines; written once with their voucher, never updated. */
@Mapper
public interface VoucherLineMapper extends BaseMapper<VoucherLine> {

    /** The lines of the given vouchers (non-empty collection), by voucher then line number. */
    @Select("<script>SELECT id, voucher_id, line_no, account_code, account_name, direction, amount_cents,"
            + " counterparty FROM voucher_line WHERE voucher_id IN"
            + " <foreach collection='voucherIds' item='v' open='(' separator=',' close=')'>#{v}</foreach>"
            + " ORDER BY voucher_id, line_no</script>")
    List<VoucherLine> selectByVoucherIds(@Param("voucherIds") Collection<Long> voucherIds);
}
