package io.mallpay.points.reward.tcc;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import com.baomidou.mybatisplus.core.config.GlobalConfig;
import com.baomidou.mybatisplus.extension.spring.MybatisSqlSessionFactoryBean;
import io.mallpay.points.reward.PointsRewardService;
import org.apache.ibatis.annotations.Mapper;
import org.apache.seata.rm.fence.SpringFenceConfig;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import javax.sql.DataSource;

/**
 * The slice of mall-points the fence test needs, wired by hand: an H2 database in MySQL mode built
 * from the real migrations (Seata's {@code tcc_fence_log}, V2, V3), MyBatis-Plus mappers,
 * transactions, the reward beans, and Seata's {@link SpringFenceConfig} as the Seata starter
 * declares it (the service's DataSource and transaction manager). No Seata scanner: the test builds
 * the TCC proxy itself, and {@code @GlobalLock} stays inert without a TC.
 */
@Configuration
@EnableTransactionManagement
@MapperScan(basePackages = "io.mallpay.points", annotationClass = Mapper.class)
@Import({PointsRewardService.class, PointsRewardAction.class, io.mallpay.common.fault.FaultInjection.class})
class FenceTestConfig {

    @Bean
    DataSource dataSource() {
        DataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:points_fence;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(
                new ClassPathResource("db/seata/tcc/V1_2__seata_tcc_fence_log.sql"),
                new ClassPathResource("db/migration/V2__points.sql"),
                new ClassPathResource("db/migration/V3__points_reward.sql")).execute(db);
        return db;
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    MybatisSqlSessionFactoryBean sqlSessionFactory(DataSource dataSource) {
        MybatisConfiguration configuration = new MybatisConfiguration();
        configuration.setMapUnderscoreToCamelCase(true);
        MybatisSqlSessionFactoryBean factory = new MybatisSqlSessionFactoryBean();
        factory.setDataSource(dataSource);
        factory.setConfiguration(configuration);
        factory.setGlobalConfig(new GlobalConfig().setBanner(false));
        return factory;
    }

    @Bean
    SpringFenceConfig springFenceConfig(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new SpringFenceConfig(dataSource, transactionManager);
    }
}
