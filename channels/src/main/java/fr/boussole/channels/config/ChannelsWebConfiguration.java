package fr.boussole.channels.config;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Twilio SDK brings jackson-dataformat-xml, which would make Spring answer XML to browsers'
 * Accept headers across the whole application: its converters are removed (TwiML is written as text).
 */
@Configuration(proxyBeanMethods = false)
class ChannelsWebConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(c -> c.getClass().getName().toLowerCase(java.util.Locale.ROOT).contains("xml"));
    }
}
