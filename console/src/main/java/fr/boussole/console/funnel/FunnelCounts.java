package fr.boussole.console.funnel;

import fr.boussole.core.place.CommuneDirectory;
import fr.boussole.store.funnel.FunnelReport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The funnel and unmet demand of one territory over a period, as the pages and the dashboard show them. */
@Component
public class FunnelCounts {

    private final FunnelReport report;
    private final ObjectProvider<CommuneDirectory> communes;
    private final Clock clock;

    FunnelCounts(FunnelReport report, ObjectProvider<CommuneDirectory> communes, Clock clock) {
        this.report = report;
        this.communes = communes;
        this.clock = clock;
    }

    public FunnelView of(String territoryId, FunnelPeriod period) {
        var since = period.since(clock.instant());
        return FunnelView.of(report.funnels(territoryId, since), report.unmetDemand(territoryId, since),
                communes.getIfAvailable());
    }
}
