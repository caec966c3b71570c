package id.sopan;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.StringUtils;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * The UI's texts ({@code messages*.properties}), as Spring Boot would set them up from {@code spring.messages.*},
 * but formatted without a shared lock. Spring formats a message with arguments while holding the lock of the one
 * {@link MessageFormat} it keeps per code and locale; every page shows the same few such messages, and with fifty
 * requests at once on two cores a profile of the case page found its threads waiting there, behind a holder the
 * scheduler had paused, more than anywhere else. Each call here formats with its own copy.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename:messages}") String basenames,
                                @Value("${spring.messages.encoding:UTF-8}") String encoding,
                                @Value("${spring.messages.fallback-to-system-locale:true}") boolean fallbackToSystemLocale,
                                @Value("${spring.messages.use-code-as-default-message:false}") boolean codeAsDefault) {
        ResourceBundleMessageSource source = new UnsharedFormatMessageSource();
        source.setBasenames(StringUtils.commaDelimitedListToStringArray(StringUtils.trimAllWhitespace(basenames)));
        source.setDefaultEncoding(encoding);
        source.setFallbackToSystemLocale(fallbackToSystemLocale);
        source.setUseCodeAsDefaultMessage(codeAsDefault);
        return source;
    }

    /** Hands out a copy of the cached format: the caller's lock on it is then its own, never waited for. */
    static final class UnsharedFormatMessageSource extends ResourceBundleMessageSource {
        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            MessageFormat shared = super.resolveCode(code, locale);
            return shared == null ? null : (MessageFormat) shared.clone();
        }
    }
}
