package app.bar.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * SPI: another module adds its part to the one filter chain (the account module's single
 * sign-on adds {@code oauth2Login}), so that part runs behind the same headers, CORS, token
 * filter and problem answers as every other request.
 */
public interface FilterChainContribution {

    void contribute(HttpSecurity http) throws Exception;
}
