package app.bar.web.i18n;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogues, loaded once at start-up (English malformed fails the start). */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

    @Bean
    Catalogues catalogues() {
        return Catalogues.load();
    }
}
