package app.bar.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link GroupCommitDataSource} under the connection pool when the database is an embedded H2
 * file (the default): the pool's connections then come from it, and every writing commit returns
 * only once it is on disk (issue 12; the durability rule of issue 11, {@code CrashDurabilityIT}).
 * PostgreSQL and remote or in-memory H2 URLs are left as they are.
 */
@Configuration(proxyBeanMethods = false)
public class GroupCommitConfiguration {

    @Bean
    static BeanPostProcessor h2GroupCommitDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && isH2(pool.getJdbcUrl())) {
                    JdbcDataSource h2 = new JdbcDataSource();
                    h2.setURL(pool.getJdbcUrl());
                    h2.setUser(pool.getUsername() == null ? "" : pool.getUsername());
                    h2.setPassword(pool.getPassword() == null ? "" : pool.getPassword());
                    pool.setDataSource(new GroupCommitDataSource(h2));   // before the pool starts
                }
                return bean;
            }
        };
    }

    static boolean isH2(@Nullable String url) {
        if (url == null) {
            return false;
        }
        // remote (tcp:, a second process of AUTO_SERVER) and in-memory H2 are told apart per connection
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }
}
