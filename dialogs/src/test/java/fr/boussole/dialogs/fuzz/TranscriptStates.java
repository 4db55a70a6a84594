package fr.boussole.dialogs.fuzz;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every state a golden transcript passes through (after each of its typed, tapped or shared-phone
 * turns), with the time it was reached: real mid-journey states to start random input from. A transcript
 * is followed up to its first system turn (contact checks come from the app's jobs, not from people).
 */
final class TranscriptStates {

    record Reached(String where, ConversationState state, Instant at) {}

    static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final Path DIRECTORY = Path.of("src/test/resources/transcripts");

    private TranscriptStates() {}

    @SuppressWarnings("unchecked")
    static List<Reached> all(ConversationEngine engine) {
        List<Reached> reached = new ArrayList<>();
        for (Path file : files()) {
            Map<String, Object> transcript = (Map<String, Object>) read(file);
            Channel channel = Channel.valueOf(((String) transcript.getOrDefault("channel", "web")).toUpperCase(Locale.ROOT));
            String address = (String) transcript.getOrDefault("address", "session-" + Math.abs(file.getFileName().toString().hashCode()));
            ConversationKey key = new ConversationKey(channel, address);
            ConversationState state = ConversationState.start(key);
            Instant now = START;
            int number = 0;
            for (Map<String, Object> turn : (List<Map<String, Object>>) transcript.get("turns")) {
                if (turn.containsKey("system")) {
                    break;
                }
                number++;
                now = now.plus(turn.containsKey("after") ? Duration.parse((String) turn.get("after")) : Duration.ofMinutes(1));
                String id = file.getFileName() + "#" + number;
                Inbound inbound = turn.containsKey("tap") ? Inbound.choice(id, key, String.valueOf(turn.get("tap")), "", now)
                        : turn.containsKey("shared-phone") ? new Inbound(id, key, "", null, String.valueOf(turn.get("shared-phone")), now)
                        : Inbound.text(id, key, String.valueOf(turn.getOrDefault("user", "")), now);
                state = engine.handle(state, inbound, now).state();
                reached.add(new Reached(id, state, now));
            }
        }
        return List.copyOf(reached);
    }

    private static List<Path> files() {
        try (Stream<Path> listed = Files.list(DIRECTORY)) {
            return listed.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(Path file) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
