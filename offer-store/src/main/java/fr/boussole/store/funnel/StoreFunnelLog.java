package fr.boussole.store.funnel;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.questionnaire.FunnelLog;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Records the funnel's marks the dialogs report; a replayed mark (same derived id) is written once. */
@Component
class StoreFunnelLog implements FunnelLog {

    private final FunnelMarks marks;
    private final Clock clock;

    StoreFunnelLog(FunnelMarks marks, Clock clock) {
        this.marks = marks;
        this.clock = clock;
    }

    @Override
    public void record(DialogEvent.QuestionnaireProgress progress, String eventId) {
        if (progress.territoryId() == null || progress.questionnaireId() == null) {
            return; // outside any territory there is no funnel to count in
        }
        String id = eventId != null ? eventId : Ids.random("qf");
        marks.save(new FunnelMark(id, progress.territoryId(), progress.questionnaireId(), progress.version(),
                progress.questionId(), progress.stage(), clock.instant()));
    }
}
