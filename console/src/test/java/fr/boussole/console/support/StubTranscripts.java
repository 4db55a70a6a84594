package fr.boussole.console.support;

import fr.boussole.core.handover.ConversationTranscripts;
import fr.boussole.core.message.ConversationKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The pipeline's transcripts, for the console tested without it: what a test says was said. */
public class StubTranscripts implements ConversationTranscripts {

    private final Map<ConversationKey, List<Line>> said = new ConcurrentHashMap<>();

    public void said(ConversationKey conversation, Line line) {
        said.computeIfAbsent(conversation, c -> new ArrayList<>()).add(line);
    }

    @Override
    public List<Line> recent(ConversationKey conversation, int limit) {
        List<Line> lines = said.getOrDefault(conversation, List.of());
        return List.copyOf(lines.size() <= limit ? lines : lines.subList(lines.size() - limit, lines.size()));
    }
}
