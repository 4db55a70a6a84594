package fr.boussole.channels.telegram;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Telegram is on when a bot token is set. */
class TelegramConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String token = context.getEnvironment().getProperty("boussole.channels.telegram.bot-token");
        return token != null && !token.isBlank();
    }
}
