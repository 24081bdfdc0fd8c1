package io.mallpay.common.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NacosConfigPresenceCheckTest {

    private final NacosConfigPresenceCheck check = new NacosConfigPresenceCheck();

    private static MockEnvironment imports() {
        return new MockEnvironment()
                .withProperty("spring.config.import[0]", "nacos:shared-service.yaml")
                .withProperty("spring.config.import[1]", "nacos:mall-order.yaml?refreshEnabled=true")
                .withProperty("spring.config.import[2]", "optional:nacos:extra.yaml")
                .withProperty("spring.cloud.nacos.server-addr", "127.0.0.1:8848");
    }

    @Test
    void startsWhenEveryRequiredFileArrived() {
        MockEnvironment env = imports()
                .withProperty("mall.config.loaded.shared-service", "true")
                .withProperty("mall.config.loaded.mall-order", "true");

        assertThatCode(() -> check.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void refusesToStartAndNamesWhatIsMissing() {
        MockEnvironment env = imports().withProperty("mall.config.loaded.shared-service", "true");

        assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[mall-order.yaml]")
                .hasMessageContaining("127.0.0.1:8848");
    }

    @Test
    void parsesImportEntries() {
        assertThat(NacosConfigPresenceCheck.nacosDataId("nacos:a.yaml?group=X")).isEqualTo("a.yaml");
        assertThat(NacosConfigPresenceCheck.nacosDataId("optional:nacos:a.yaml")).isNull();
        assertThat(NacosConfigPresenceCheck.nacosDataId("classpath:x.yml")).isNull();
    }
}
