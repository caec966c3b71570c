package id.sopan.security;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class PerThreadSecureRandomTest {

    @Test
    void eachThreadDrawsFromItsOwnGenerator() throws Exception {
        PerThreadSecureRandom random = new PerThreadSecureRandom();
        byte[] here = new byte[32];
        random.nextBytes(here);
        byte[] again = new byte[32];
        random.nextBytes(again);
        byte[] there = CompletableFuture.supplyAsync(() -> {
            byte[] b = new byte[32];
            random.nextBytes(b);
            return b;
        }).get();
        assertThat(here).isNotEqualTo(again).isNotEqualTo(there).isNotEqualTo(new byte[32]);
        assertThat(Arrays.equals(again, there)).isFalse();
        assertThat(random.nextInt(1000)).isBetween(0, 999); // Random's methods draw through nextBytes too
    }
}
