package id.sopan.ops;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdmissionFilterTest {

    @Test
    void requestsBeyondThePermitsWaitAndGoInTheOrderTheyCame() throws Exception {
        AdmissionFilter gate = new AdmissionFilter(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> entered = new CopyOnWriteArrayList<>();
        AtomicInteger working = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        Thread first = request(gate, "first", entered, working, mostAtOnce, release);
        awaitUntil(() -> entered.size() == 1);
        Thread second = request(gate, "second", entered, working, mostAtOnce, release);
        awaitUntil(() -> gate.waiting() == 1);
        Thread third = request(gate, "third", entered, working, mostAtOnce, release);
        awaitUntil(() -> gate.waiting() == 2);

        assertThat(entered).containsExactly("first");
        release.countDown();
        for (Thread t : List.of(first, second, third)) {
            t.join(5_000);
        }
        assertThat(entered).containsExactly("first", "second", "third");
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aGateWithoutPermitsIsRefusedNamingItsSetting() {
        assertThatThrownBy(() -> new AdmissionFilter(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sopan.web.concurrent-requests");
    }

    private static Thread request(AdmissionFilter gate, String name, List<String> entered, AtomicInteger working,
                                  AtomicInteger mostAtOnce, CountDownLatch release) {
        Thread t = new Thread(() -> {
            try {
                gate.doFilter(new MockHttpServletRequest("GET", "/tugas"), new MockHttpServletResponse(),
                        (req, res) -> {
                            mostAtOnce.accumulateAndGet(working.incrementAndGet(), Math::max);
                            entered.add(name);
                            try {
                                release.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            working.decrementAndGet();
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, name);
        t.start();
        return t;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(end);
            Thread.sleep(1);
        }
    }
}
