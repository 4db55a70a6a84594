package fr.boussole.channels.support;

import fr.boussole.core.delivery.DeliveryStatusSink;
import java.util.ArrayList;
import java.util.List;

/** An in-memory DeliveryStatusSink that keeps the reports it got. */
public class RecordingStatusSink implements DeliveryStatusSink {

    public record Report(String providerId, Status status, String errorCode) {}

    private final List<Report> reports = new ArrayList<>();

    @Override
    public synchronized void report(String providerId, Status status, String errorCode) {
        reports.add(new Report(providerId, status, errorCode));
    }

    public synchronized List<Report> reports() {
        return List.copyOf(reports);
    }

    public synchronized void clear() {
        reports.clear();
    }
}
