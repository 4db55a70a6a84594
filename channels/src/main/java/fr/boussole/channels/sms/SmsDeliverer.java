package fr.boussole.channels.sms;

import fr.boussole.channels.twilio.TwilioConfigured;
import fr.boussole.channels.twilio.TwilioMessages;
import fr.boussole.channels.twilio.TwilioProperties;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** Delivers bot messages by SMS through Twilio, as GSM-7 text with numbered choices. */
@Component
@Conditional(TwilioConfigured.class)
class SmsDeliverer implements Deliverer {

    private final TwilioMessages messages;
    private final String from;
    private final DistributionSummary segmentsPerMessage;
    private final Counter segments;

    SmsDeliverer(TwilioMessages messages, TwilioProperties properties, MeterRegistry meters) {
        this.messages = messages;
        this.from = properties.smsFrom();
        this.segmentsPerMessage = DistributionSummary.builder("boussole.sms.segments.per.message")
                .description("SMS segments billed per bot message").register(meters);
        this.segments = Counter.builder("boussole.channel.segments").tag("channel", Channel.SMS.id())
                .description("SMS segments sent (per journey: divide by the completed contact requests of the channel)")
                .register(meters);
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        if (!(delivery.payload() instanceof DeliveryPayload.Chat chat)) {
            return new DeliveryResult.Failed("the SMS channel carries chat messages only");
        }
        if (from == null || from.isBlank()) {
            return new DeliveryResult.Failed("TWILIO_SMS_FROM is not set: no number to send SMS from");
        }
        List<String> texts = SmsRenderer.render(chat.message());
        DeliveryResult result = messages.send(delivery, from, delivery.recipient(),
                texts.stream().map(t -> Map.of("Body", t)).toList());
        if (result instanceof DeliveryResult.Sent) {
            int count = texts.stream().mapToInt(Gsm7::segments).sum();
            segmentsPerMessage.record(count);
            segments.increment(count);
        }
        return result;
    }
}
