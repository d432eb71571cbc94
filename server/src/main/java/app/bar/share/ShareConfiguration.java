package app.bar.share;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The virus scanner: clamd when {@code bar.shares.clamd-url} is set. */
@Configuration(proxyBeanMethods = false)
class ShareConfiguration {

    @Bean
    VirusScanner virusScanner(ShareProperties properties) {
        return properties.scanEnabled() ? new ClamdScanner(properties.clamdUrl(), properties.clamdTimeout())
                : VirusScanner.NONE;
    }
}
