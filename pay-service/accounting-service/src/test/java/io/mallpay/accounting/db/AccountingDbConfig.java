package io.mallpay.accounting.db;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import com.baomidou.mybatisplus.extension.spring.MybatisSqlSessionFactoryBean;
import io.mallpay.accounting.deadletter.PoisonLog;
import io.mallpay.accounting.ledger.LedgerService;
import io.mallpay.accounting.voucher.PaymentPaidEventParser;
import io.mallpay.accounting.voucher.VoucherFactory;
import io.mallpay.accounting.voucher.VoucherService;
import org.apache.ibatis.annotations.Mapper;
import org.flywaydb.core.Flyway;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * A database slice without the stack: H2 in MySQL mode migrated by the service's own Flyway
 * script, the real MyBatis-Plus mappers, transactions, and the services that use them.
 */
@Configuration
@EnableTransactionManagement
@MapperScan(basePackages = "io.mallpay.accounting", annotationClass = Mapper.class)
@Import({VoucherService.class, LedgerService.class, PoisonLog.class, VoucherFactory.class, PaymentPaidEventParser.class})
public class AccountingDbConfig {

    @Bean
    DataSource dataSource() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    @Bean
    MybatisSqlSessionFactoryBean sqlSessionFactory(DataSource dataSource) {
        MybatisConfiguration configuration = new MybatisConfiguration();
        configuration.setMapUnderscoreToCamelCase(true);
        MybatisSqlSessionFactoryBean factory = new MybatisSqlSessionFactoryBean();
        factory.setDataSource(dataSource);
        factory.setConfiguration(configuration);
        return factory;
    }

    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(DataSourceTransactionManager tm) {
        return new TransactionTemplate(tm);
    }
}
