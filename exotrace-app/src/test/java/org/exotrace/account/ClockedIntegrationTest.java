package org.exotrace.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.exotrace.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The whole application with a clock the test moves forward (the login throttle and API tokens read
 * the time from a {@link Clock} bean) and the password encoder watched, in a context of its own shared
 * by the throttle and token tests. The database is the shared test database: every test uses fresh
 * accounts and client addresses of its own ({@link #from}), so nobody else is throttled.
 */
@Import(ClockedIntegrationTest.Clocks.class)
abstract class ClockedIntegrationTest extends IntegrationTest {

    /** A clock that starts at the real time and only moves when told. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now.get(); }

        void advance(Duration d) { now.updateAndGet(i -> i.plus(d)); }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() { return new MovableClock(); }
    }

    @Autowired protected MovableClock clock;
    @MockitoSpyBean protected PasswordEncoder encoder;

    /** The request comes from this client address instead of MockMvc's 127.0.0.1. */
    protected static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    protected long audited(String recordType, String recordId, String action) {
        return jdbc.sql("select count(*) from audit_entry where record_type = ? and record_id = ? and action = ?")
                .params(recordType, recordId, action).query(Long.class).single();
    }
}
