package fr.boussole.console.funnel;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;

/** The periods the funnel and the unmet demand are counted over, as the page offers them. */
public enum FunnelPeriod {
    DAYS_30("30j", Period.ofDays(30)),
    DAYS_90("90j", Period.ofDays(90)),
    MONTHS_12("12m", Period.ofMonths(12)),
    ALL("tout", null);

    private final String code;
    private final Period length;

    FunnelPeriod(String code, Period length) {
        this.code = code;
        this.length = length;
    }

    public String code() {
        return code;
    }

    /** The start of the period ending now (the epoch for "all"). */
    public Instant since(Instant now) {
        return length == null ? Instant.EPOCH : now.atOffset(ZoneOffset.UTC).minus(length).toInstant();
    }

    /** The period of a code from the URL; twelve months for anything else. */
    public static FunnelPeriod of(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst().orElse(MONTHS_12);
    }
}
