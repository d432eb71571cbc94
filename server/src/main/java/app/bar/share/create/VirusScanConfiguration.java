package app.bar.share.create;

import app.bar.share.ShareProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The virus scanner of uploads: clamd when {@code bar.shares.clamd-url} is set, none otherwise. */
@Configuration(proxyBeanMethods = false)
class VirusScanConfiguration {

    @Bean
    VirusScanner virusScanner(ShareProperties properties) {
        return properties.scanEnabled() ? new ClamdScanner(properties.clamdUrl(), properties.clamdTimeout())
                : VirusScanner.NONE;
    }
}
