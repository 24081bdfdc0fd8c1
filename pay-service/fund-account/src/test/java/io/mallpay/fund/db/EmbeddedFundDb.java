package io.mallpay.fund.db;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import com.baomidou.mybatisplus.extension.spring.MybatisSqlSessionFactoryBean;
import io.mallpay.fund.account.AccountOpener;
import io.mallpay.fund.account.FundAccountService;
import io.mallpay.fund.tcc.AfterCommitFaults;
import io.mallpay.fund.tcc.FundAccountCreditAction;
import io.mallpay.fund.tcc.FundAccountDebitAction;
import io.mallpay.fund.tcc.FundTccService;
import io.mallpay.fund.topup.TopUpService;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.seata.rm.fence.SpringFenceConfig;
import org.h2.jdbcx.JdbcDataSource;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import javax.sql.DataSource;
import java.util.List;

/**
 * The smallest Spring context the fund services run in: an H2 database in MySQL mode holding
 * the real migrations (Seata's {@code tcc_fence_log} from mall-common and this service's V2), the
 * mappers on MyBatis-Plus, transactional services, and Seata's {@link SpringFenceConfig} wired to
 * the same DataSource and transaction manager, as Seata's Spring Boot auto-configuration does.
 */
@TestConfiguration
@EnableTransactionManagement
@MapperScan(basePackages = "io.mallpay.fund", annotationClass = Mapper.class)
@Import({AccountOpener.class, FundAccountService.class, FundTccService.class, TopUpService.class,
        FundAccountCreditAction.class, FundAccountDebitAction.class, AfterCommitFaults.class,
        io.mallpay.common.fault.FaultInjection.class})
public class EmbeddedFundDb {

    @Bean
    DataSource dataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pay_fund;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(
                new ClassPathResource("db/seata/tcc/V1_2__seata_tcc_fence_log.sql"),
                new ClassPathResource("db/migration/V2__fund.sql")).execute(h2);
        return h2;
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    SqlSessionFactory sqlSessionFactory(DataSource dataSource) throws Exception {
        MybatisConfiguration configuration = new MybatisConfiguration();
        configuration.setMapUnderscoreToCamelCase(true);
        MybatisSqlSessionFactoryBean factory = new MybatisSqlSessionFactoryBean();
        factory.setDataSource(dataSource);
        factory.setConfiguration(configuration);
        return factory.getObject();
    }

    /** What {@code SeataSpringFenceAutoConfiguration} registers; log table {@code tcc_fence_log}. */
    @Bean
    SpringFenceConfig springFenceConfig(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new SpringFenceConfig(dataSource, transactionManager);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    /** Empties every table (tests start from nothing). */
    public static void clear(JdbcTemplate jdbc) {
        for (String table : List.of("tcc_fence_log", "fund_ledger", "fund_top_up", "fund_account")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /**
     * Ids of the accounts whose balances differ from the sums of their ledger deltas: the lead's
     * invariant check, which must always answer nothing.
     */
    public static List<Long> accountsNotExplainedByTheLedger(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT a.id FROM fund_account a WHERE a.available_cents <>"
                + " (SELECT COALESCE(SUM(l.delta_available), 0) FROM fund_ledger l WHERE l.account_id = a.id)"
                + " OR a.incoming_cents <> (SELECT COALESCE(SUM(l.delta_incoming), 0) FROM fund_ledger l WHERE l.account_id = a.id)"
                + " OR a.outgoing_cents <> (SELECT COALESCE(SUM(l.delta_outgoing), 0) FROM fund_ledger l WHERE l.account_id = a.id)",
                Long.class);
    }
}
