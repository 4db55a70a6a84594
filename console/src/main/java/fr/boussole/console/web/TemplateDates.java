package fr.boussole.console.web;

import fr.boussole.store.mail.Dates;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** {@link Dates} for the web templates, as {@code @consoleDates}. */
@Component("consoleDates")
public class TemplateDates {

    public String day(Instant instant) {
        return Dates.day(instant);
    }

    public String dayTime(Instant instant) {
        return Dates.dayTime(instant);
    }
}
