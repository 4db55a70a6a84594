package fr.boussole.console.funnel;

import fr.boussole.core.place.Commune;
import fr.boussole.core.place.CommuneDirectory;
import fr.boussole.store.funnel.FunnelReport;

import java.util.List;

/**
 * What the funnel pages show for one territory and period: each questionnaire version's funnel, with
 * shares of the journeys that started it, and the unmet demand with the communes' names.
 */
public record FunnelView(List<VersionView> versions, List<DemandView> unmetDemand) {

    /** One question's line: the share of the version's journeys that reached and answered it, in percent. */
    public record QuestionView(FunnelReport.QuestionCount count, int reachedShare, int answeredShare) {}

    public record VersionView(FunnelReport.VersionFunnel funnel, List<QuestionView> questions, int completedShare,
                       int requestedShare) {}

    public record DemandView(String communeInsee, String communeName, String theme, long searches) {}

    static FunnelView of(List<FunnelReport.VersionFunnel> funnels, List<FunnelReport.UnmetDemand> demand,
                         CommuneDirectory communes) {
        List<VersionView> versions = funnels.stream().map(f -> new VersionView(f,
                f.questions().stream().map(q -> new QuestionView(q, share(q.reached(), f.started()),
                        share(q.answered(), f.started()))).toList(),
                share(f.completed(), f.started()), share(f.requested(), f.started()))).toList();
        List<DemandView> unmet = demand.stream().map(d -> new DemandView(d.communeInsee(), name(d.communeInsee(), communes),
                d.theme(), d.searches())).toList();
        return new FunnelView(versions, unmet);
    }

    static String name(String insee, CommuneDirectory communes) {
        if (insee == null) {
            return "";
        }
        return communes == null ? insee : communes.byInsee(insee).map(Commune::name).orElse(insee);
    }

    static int share(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
