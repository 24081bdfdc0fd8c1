package io.mallpay.bank.sandbox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CallbackModeController.class)
@Import(CallbackModeSettings.class)
class CallbackModeControllerTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private CallbackModeSettings settings;

    @Test
    void aPerCardModeOverridesTheGlobalDefaultAndIsShown() throws Exception {
        mvc.perform(post("/bank/sandbox/callback-mode").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"NEVER\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/bank/sandbox/callback-mode").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"LATE\",\"delayMillis\":3000,\"cardNumber\":\"4000\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/bank/sandbox/callback-mode"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"global":{"mode":"NEVER","delayMillis":5000},
                         "cards":{"4000":{"mode":"LATE","delayMillis":3000}}}""", true));
        assertThat(settings.effectiveFor("4000")).isEqualTo(new ModeSetting(CallbackMode.LATE, 3000));
        assertThat(settings.effectiveFor("5555")).isEqualTo(new ModeSetting(CallbackMode.NEVER, 5000));

        mvc.perform(delete("/bank/sandbox/callback-mode"))
                .andExpect(jsonPath("$.global.mode").value("NORMAL"))
                .andExpect(jsonPath("$.cards").isEmpty());
    }

    @Test
    void anUnknownModeFailsValidationWithACode() throws Exception {
        mvc.perform(post("/bank/sandbox/callback-mode").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"SOMETIMES\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void aNegativeDelayFailsValidationWithACode() throws Exception {
        mvc.perform(post("/bank/sandbox/callback-mode").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"LATE\",\"delayMillis\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("delayMillis")));
        assertThat(settings.global()).isEqualTo(ModeSetting.NORMAL);
    }
}
