package fr.boussole.console.web;

import fr.boussole.store.mail.MailTemplates;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.messageresolver.SpringMessageResolver;

/**
 * Gives the web templates the console's labels ({@code console-messages*.properties}), then the
 * store's (themes, contact means: {@code store/mail/messages.properties}), after the
 * application's own message source, so that the pages work whatever {@code spring.messages.basename}
 * the application sets.
 */
@Component
class ConsoleMessages implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SpringTemplateEngine engine && !engine.isInitialized()) {
            ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
            messages.setBasenames("console-messages", MailTemplates.STORE_MESSAGES);
            messages.setDefaultEncoding("UTF-8");
            messages.setFallbackToSystemLocale(false);
            SpringMessageResolver resolver = new SpringMessageResolver();
            resolver.setMessageSource(messages);
            resolver.setOrder(Integer.MAX_VALUE);
            engine.addMessageResolver(resolver);
        }
        return bean;
    }
}
