package fr.boussole.store.mail;

import fr.boussole.core.delivery.DeliveryPayload;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;
import java.util.Map;

/**
 * Renders emails from three templates per kind under a folder of the class path:
 * {@code <kind>.subject.txt}, {@code <kind>.txt} and {@code <kind>-html.html}, with the labels of
 * one message bundle. A template engine of its own, so that mails do not depend on any web layer.
 * The promises render theirs from {@code store/mail/}; the console its password resets.
 */
public class MailTemplates {

    static final Locale FRENCH = Locale.FRANCE;
    /** The promises' emails and their labels (themes, contact means). */
    public static final String STORE_FOLDER = "store/mail/";
    public static final String STORE_MESSAGES = "store/mail/messages";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    /**
     * @param folder   class path folder of the templates, ending with a slash
     * @param messages base names of the message bundles the templates' {@code #{…}} read, in order
     */
    public MailTemplates(String folder, String... messages) {
        engine.addTemplateResolver(resolver(folder, TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(folder, TemplateMode.HTML, ".html", 2));
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasenames(messages);
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        engine.setTemplateEngineMessageSource(bundle);
    }

    /** The promises' emails. */
    public static MailTemplates store() {
        return new MailTemplates(STORE_FOLDER, STORE_MESSAGES);
    }

    public DeliveryPayload.Email render(String kind, Map<String, Object> variables) {
        Context context = new Context(FRENCH, variables);
        String subject = engine.process(kind + ".subject", context).strip();
        return new DeliveryPayload.Email(subject, engine.process(kind, context), engine.process(kind + "-html", context));
    }

    private static ClassLoaderTemplateResolver resolver(String folder, TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(folder);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }
}
