package fr.boussole.console.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the password checks the console makes, whatever makes them: it wraps the application's
 * {@link PasswordEncoder} bean, so that a test can tell how many guesses were really tried.
 */
@Component
public class PasswordChecks implements BeanPostProcessor {

    private final AtomicInteger checks = new AtomicInteger();

    public int count() {
        return checks.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof PasswordEncoder encoder)) {
            return bean;
        }
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return encoder.matches(raw, encoded);
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return encoder.upgradeEncoding(encoded);
            }
        };
    }
}
