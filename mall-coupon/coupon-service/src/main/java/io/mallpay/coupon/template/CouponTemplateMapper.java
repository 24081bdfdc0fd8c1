package io.mallpay.coupon.template;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.Collection;
import java.util.List;

/** Coupon templates; inserts go through {@link BaseMapper#insert}, which fills the generated id. */
@Mapper
public interface CouponTemplateMapper extends BaseMapper<CouponTemplate> {

    @Select("""
            <script>
            SELECT * FROM coupon_template WHERE code IN
            <foreach collection="codes" item="code" open="(" separator="," close=")">#{code}</foreach>
            </script>""")
    List<CouponTemplate> selectByCodes(@Param("codes") Collection<String> codes);

    @Select("SELECT * FROM coupon_template WHERE code = #{code}")
    CouponTemplate selectByCode(@Param("code") String code);
}
