package fr.boussole.channels.twilio;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Twilio is on as soon as its sid or its token is set (both unset: SMS and WhatsApp are off). */
public class TwilioConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return TwilioProperties.isSet(context.getEnvironment().getProperty("boussole.channels.twilio.account-sid"))
                || TwilioProperties.isSet(context.getEnvironment().getProperty("boussole.channels.twilio.auth-token"));
    }
}
