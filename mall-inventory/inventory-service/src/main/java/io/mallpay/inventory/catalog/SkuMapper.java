package io.mallpay.inventory.catalog;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

/**
 * Catalogue reads and inserts on {@code sku}. Stock counters are never changed here: the
 * conditional stock moves live in {@code io.mallpay.inventory.stock.StockMapper}.
 */
@Mapper
public interface SkuMapper extends BaseMapper<Sku> {

    /** One storefront page in SKU order; {@code offset} is a row count, not a page number. */
    @Select("SELECT sku, name, price_cents, available FROM sku ORDER BY sku LIMIT #{limit} OFFSET #{offset}")
    List<Sku> findPage(@Param("offset") long offset, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM sku")
    long countAll();

    /**
     * Inserts new SKUs in one multi-row statement (explicit columns rather than MyBatis-Plus's
     * batch insert, which needs a batch executor that cannot join the surrounding transaction).
     * Fails with a duplicate key if any of them already exists; returns the rows inserted.
     */
    @Insert("""
            <script>
            INSERT INTO sku (sku, name, price_cents, available, reserved, sold, initial_stock, restocked,
                             created_at, updated_at)
            VALUES
            <foreach collection="skus" item="s" separator=",">
              (#{s.sku}, #{s.name}, #{s.priceCents}, #{s.available}, 0, 0, #{s.initialStock}, 0, NOW(3), NOW(3))
            </foreach>
            </script>
            """)
    int insertAll(@Param("skus") List<Sku> skus);
}
