package io.mallpay.tools.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayKeysTest {

    @Test
    void keysDependOnFileContentSeedAndInvoiceOnly(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "same");
        Path b = Files.writeString(dir.resolve("b.csv"), "same");
        Path c = Files.writeString(dir.resolve("c.csv"), "other");

        assertThat(ReplayKeys.of(a, 42)).isEqualTo(ReplayKeys.of(b, 42));
        assertThat(ReplayKeys.of(a, 42)).isNotEqualTo(ReplayKeys.of(c, 42)).isNotEqualTo(ReplayKeys.of(a, 7));
        ReplayKeys k = ReplayKeys.of(a, 42);
        assertThat(k.checkout("536365", 0)).matches("rp42-[0-9a-f]{10}-536365-c0");
        assertThat(k.payment("536365")).endsWith("-536365-pay");
        assertThat(k.topUp("536365")).endsWith("-536365-topup");
        assertThat(k.checkout("X".repeat(80), 3)).hasSizeLessThanOrEqualTo(64).endsWith("-c3");
    }
}
