package fr.boussole.app.testing;

import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An SMS deliverer whose provider answers are scripted by the test; it records every attempt. */
public class ScriptedSmsDeliverer implements Deliverer {

    public static final List<Delivery> ATTEMPTS = new CopyOnWriteArrayList<>();
    public static volatile Function<Delivery, DeliveryResult> script = ScriptedSmsDeliverer::accepted;

    public static DeliveryResult accepted(Delivery delivery) {
        return new DeliveryResult.Sent("SM" + delivery.id());
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        ATTEMPTS.add(delivery);
        return script.apply(delivery);
    }
}
