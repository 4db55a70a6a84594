package fr.boussole.app.journey;

import org.junit.jupiter.api.Test;

class ExploreIT extends RunningBot {
    @Test
    void explore() {
        String[] says = System.getProperty("says", "bonjour|20|Cahors|1|1|1|1|1|1|1|1|1").split("\\|");
        for (String say : says) {
            String body = say.startsWith("#") ? "{\"choice\":\"" + say.substring(1) + "\"}" : "{\"text\":\"" + say + "\"}";
            var r = postJson("/api/chat/explore-session-1/messages", body);
            System.out.println(">>> " + say + "\n<<< " + r.statusCode() + " " + r.body());
        }
    }
}
