package fr.boussole.channels;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The channels' entry point, imported by whoever assembles the application: every adapter in and
 * out (Twilio SMS and WhatsApp, Telegram, email), each on when its settings are.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ChannelsModule.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class ChannelsModule {
}
