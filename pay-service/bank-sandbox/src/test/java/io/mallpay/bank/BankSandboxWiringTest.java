package io.mallpay.bank;

import io.mallpay.bank.callback.CallbackDispatcher;
import io.mallpay.bank.card.CardLedgerMapper;
import io.mallpay.bank.card.CardMapper;
import io.mallpay.bank.charge.ChargeMapper;
import io.mallpay.bank.charge.ChargeProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole application context without a database (no DataSource, so no Flyway or MyBatis; the
 * mappers are mocks): proves the beans wire together and the OpenAPI document renders.
 */
@SpringBootTest(properties = "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@AutoConfigureMockMvc
class BankSandboxWiringTest {

    @MockBean
    private CardMapper cards;
    @MockBean
    private CardLedgerMapper ledger;
    @MockBean
    private ChargeMapper charges;

    @Autowired
    private ApplicationContext context;
    @Autowired
    private MockMvc mvc;

    @Test
    void theApplicationWiresWithoutADatabase() {
        assertThat(context.getBean(ChargeProcessor.class)).isNotNull();
        assertThat(context.getBean(CallbackDispatcher.class)).isNotNull();
        assertThat(context.getBean(BankProperties.class).callbackAttempts()).isEqualTo(4);
    }

    @Test
    void theOpenApiDocumentListsEveryEndpoint() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/bank/cards']").exists())
                .andExpect(jsonPath("$.paths['/bank/cards/{cardNumber}']").exists())
                .andExpect(jsonPath("$.paths['/bank/charges']").exists())
                .andExpect(jsonPath("$.paths['/bank/charges/{chargeId}']").exists())
                .andExpect(jsonPath("$.paths['/bank/sandbox/callback-mode']").exists());
    }
}
