package io.mallpay.coupon.usercoupon;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import io.mallpay.coupon.template.CouponTemplateMapper;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the annotated statements through MyBatis (no database): catches a broken
 * {@code <script>}, a wrong parameter name or a lost state condition before the real stack does.
 */
class UserCouponMapperSqlTest {

    private static final MybatisConfiguration configuration = new MybatisConfiguration();

    @BeforeAll
    static void registerMappers() {
        configuration.addMapper(UserCouponMapper.class);
        configuration.addMapper(CouponTemplateMapper.class);
    }

    private static BoundSql render(Class<?> mapper, String method, Object params) {
        MappedStatement ms = configuration.getMappedStatement(mapper.getName() + "." + method);
        return ms.getBoundSql(params);
    }

    private static String sql(BoundSql bound) {
        return bound.getSql().replaceAll("\\s+", " ").trim();
    }

    @Test
    void stateChangesOnlyLeaveTheStateTheyExpect() {
        Map<String, Object> params = Map.of("id", 42L, "orderId", 1001L, "userId", 17850L);

        assertThat(sql(render(UserCouponMapper.class, "lock", params)))
                .contains("WHERE id = ? AND user_id = ? AND status = 'AVAILABLE'");
        assertThat(sql(render(UserCouponMapper.class, "use", params)))
                .contains("SET status = 'USED'").endsWith("WHERE id = ? AND order_id = ? AND status = 'LOCKED'");
        assertThat(sql(render(UserCouponMapper.class, "unlock", params)))
                .contains("order_id = NULL").endsWith("WHERE id = ? AND order_id = ? AND status = 'LOCKED'");
        assertThat(sql(render(UserCouponMapper.class, "selectForUpdate", Map.of("id", 42L)))).endsWith("FOR UPDATE");
    }

    @Test
    void multiRowInsertHasOneTupleAndThreeParametersPerCoupon() {
        UserCoupon a = UserCoupons.available(1);
        UserCoupon b = UserCoupons.available(2);

        BoundSql bound = render(UserCouponMapper.class, "insertAvailable", Map.of("coupons", List.of(a, b)));

        assertThat(sql(bound)).startsWith("INSERT INTO user_coupon (template_id, user_id, status, grant_key) VALUES")
                .contains("(?, ?, 'AVAILABLE', ?) , (?, ?, 'AVAILABLE', ?)");
        assertThat(bound.getParameterMappings()).hasSize(6);
    }

    @Test
    void inListsRenderOnePlaceholderPerValue() {
        assertThat(sql(render(UserCouponMapper.class, "selectExistingGrantKeys", Map.of("keys", List.of("a", "b", "c")))))
                .endsWith("WHERE grant_key IN ( ? , ? , ? )");
        assertThat(sql(render(CouponTemplateMapper.class, "selectByCodes", Map.of("codes", List.of("X")))))
                .endsWith("WHERE code IN ( ? )");
    }
}
