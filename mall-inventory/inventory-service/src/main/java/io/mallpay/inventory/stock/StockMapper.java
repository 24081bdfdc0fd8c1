package io.mallpay.inventory.stock;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The only statements that move stock between the counters of {@code sku} (quantities in units).
 * Each is a single conditional UPDATE: the check and the move happen under the same row lock, so
 * concurrent checkouts of a hot SKU cannot oversell, and a counter can never go negative. Each
 * returns the affected rows: 1 when it moved, 0 when the SKU is unknown or the source counter is
 * short. Every move keeps {@code available + reserved + sold} constant.
 */
@Mapper
public interface StockMapper {

    /** available → reserved. */
    @Update("UPDATE sku SET available = available - #{quantity}, reserved = reserved + #{quantity}, "
            + "updated_at = NOW(3) WHERE sku = #{sku} AND available >= #{quantity}")
    int reserve(@Param("sku") String sku, @Param("quantity") int quantity);

    /** reserved → sold. */
    @Update("UPDATE sku SET reserved = reserved - #{quantity}, sold = sold + #{quantity}, "
            + "updated_at = NOW(3) WHERE sku = #{sku} AND reserved >= #{quantity}")
    int sell(@Param("sku") String sku, @Param("quantity") int quantity);

    /** reserved → available. */
    @Update("UPDATE sku SET reserved = reserved - #{quantity}, available = available + #{quantity}, "
            + "updated_at = NOW(3) WHERE sku = #{sku} AND reserved >= #{quantity}")
    int unreserve(@Param("sku") String sku, @Param("quantity") int quantity);

    /**
     * Locks the SKU rows, in SKU order, before any of them is changed: the local row locks, and
     * under Seata AT the check of their global locks ({@code SELECT … FOR UPDATE} asks the TC
     * whether another global transaction holds them, and with rollback-on-conflict fails at once
     * with a lock conflict that {@code GlobalLockRetry} retries). The branch registration at
     * commit then cannot meet a held global lock on these rows. Seata TC 2.0.0 (file store) leaves
     * the locks a conflicting registration had already taken held for good (apache/incubator-seata
     * PR #6932, fixed in 2.3); found by {@code ./mall chaos kill-seata}, where the sessions the TC
     * restores hold their rows until they time out. Returns the SKUs found.
     */
    @Select("<script>SELECT sku FROM sku WHERE sku IN "
            + "<foreach item='s' collection='skus' open='(' separator=',' close=')'>#{s}</foreach>"
            + " ORDER BY sku FOR UPDATE</script>")
    List<String> lockSkus(@Param("skus") List<String> skus);

    /** Units available now, or null for an unknown SKU; only used to explain a refused reserve. */
    @Select("SELECT available FROM sku WHERE sku = #{sku}")
    Integer available(@Param("sku") String sku);
}
