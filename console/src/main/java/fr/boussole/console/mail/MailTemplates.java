package fr.boussole.console.mail;

import fr.boussole.core.delivery.DeliveryPayload;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;
import java.util.Map;

/**
 * Renders emails from three templates per kind under {@code templates/console/mail/}:
 * {@code <kind>.subject.txt}, {@code <kind>.txt} and {@code <kind>.html}. A template engine of its
 * own, so that mails do not depend on the web layer's configuration.
 */
@Component
public class MailTemplates {

    static final Locale FRENCH = Locale.FRANCE;
    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("console-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        engine.setTemplateEngineMessageSource(messages);
    }

    public DeliveryPayload.Email render(String kind, Map<String, Object> variables) {
        Context context = new Context(FRENCH, variables);
        String subject = engine.process(kind + ".subject", context).strip();
        return new DeliveryPayload.Email(subject, engine.process(kind, context), engine.process(kind + "-html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/console/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }
}
