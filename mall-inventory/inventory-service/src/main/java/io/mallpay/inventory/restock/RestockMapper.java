package io.mallpay.inventory.restock;

import io.mallpay.inventory.catalog.Sku;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface RestockMapper {

    /** Under {@code @GlobalLock}, Seata also checks the TC's global lock on the selected row. */
    @Select("SELECT sku, name, price_cents, available FROM sku WHERE sku = #{sku} FOR UPDATE")
    Sku selectForUpdate(@Param("sku") String sku);

    @Update("UPDATE sku SET available = available + #{quantity}, restocked = restocked + #{quantity}, "
            + "updated_at = NOW(3) WHERE sku = #{sku}")
    int restock(@Param("sku") String sku, @Param("quantity") int quantity);
}
