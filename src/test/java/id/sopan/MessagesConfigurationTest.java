package id.sopan;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesConfigurationTest {

    private final MessageSource messages = new MessagesConfiguration().messageSource("messages", "UTF-8", false, false);

    @Test
    void formatsTheUiTextsWithTheirArgumentsInBothLanguages() {
        assertThat(messages.getMessage("ui.work.claimedBy", new Object[] {"staf.umum"}, Locale.forLanguageTag("id")))
                .contains("staf.umum").isNotEqualTo(messages.getMessage("ui.work.claimedBy", new Object[] {"staf.umum"},
                        Locale.ENGLISH));
        assertThat(messages.getMessage("ui.work.title", null, Locale.forLanguageTag("id"))).isEqualTo("Kotak Tugas");
    }

    @Test
    void eachCallFormatsWithItsOwnCopySoThatNoneWaitsForAnother() throws Exception {
        var source = new MessagesConfiguration.UnsharedFormatMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        MessageFormat first = source.resolveCode("ui.work.claimedBy", Locale.ENGLISH);
        MessageFormat second = source.resolveCode("ui.work.claimedBy", Locale.ENGLISH);
        assertThat(first).isNotSameAs(second);
        assertThat(first.toPattern()).isEqualTo(second.toPattern());

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> all = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String name = "user" + t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        if (!messages.getMessage("ui.work.claimedBy", new Object[] {name + i}, Locale.ENGLISH)
                                .contains(name + i)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : all) {
                assertThat(f.get()).as("every formatted message carries its own argument").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
