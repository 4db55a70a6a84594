package fr.boussole.dialogs.language;

import fr.boussole.core.language.ContactAddress;
import fr.boussole.core.message.PhoneNumbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone number or an email address written in a message. The phone number is read by {@link PhoneNumbers}, the
 * one reading of the project; an email whose domain is one or two letters from a common one
 * ({@code language/email-domains.txt}: "gmial.com", "hotmial.fr", "yahou.fr", "gmail.con") gets a suggested fix.
 */
final class ContactReader {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** Something written like a phone number: digits with spaces, dots, dashes, slashes or brackets, maybe a +. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\d@.])\\+?[0-9][0-9 .()\\-/]{7,22}[0-9](?![\\d@])");

    private final List<String> domains;

    private ContactReader(List<String> domains) {
        this.domains = domains;
    }

    static ContactReader load() {
        List<String> domains = new ArrayList<>();
        for (String[] row : Resources.tabSeparated("/language/email-domains.txt", 1)) {
            domains.add(row[0].strip().toLowerCase(Locale.ROOT));
        }
        return new ContactReader(List.copyOf(domains));
    }

    record Read(Optional<ContactAddress> contact, String rest) {
    }

    /** The contact address of the text, and the text without it (for the other readers: an email holds dots). */
    Read in(String text) {
        Matcher email = EMAIL.matcher(text);
        if (email.find()) {
            String address = email.group();
            return new Read(Optional.of(new ContactAddress.Email(address, suggestion(address))),
                    text.substring(0, email.start()) + " , " + text.substring(email.end()));
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            Optional<String> e164 = PhoneNumbers.e164(phone.group());
            if (e164.isPresent()) {
                boolean mobile = PhoneNumbers.frenchMobile(phone.group()).isPresent();
                return new Read(Optional.of(new ContactAddress.Phone(e164.get(), mobile)),
                        text.substring(0, phone.start()) + " , " + text.substring(phone.end()));
            }
        }
        return new Read(Optional.empty(), text);
    }

    /** The address with a common domain instead of one a slip away from it; empty when the domain is known or far. */
    Optional<String> suggestion(String address) {
        int at = address.lastIndexOf('@');
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        if (domains.contains(domain)) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String known : domains) {
            int allowed = known.length() >= 9 ? 2 : 1;
            int distance = Typos.distance(domain, known, allowed);
            if (distance > allowed) {
                continue;
            }
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return best == null || tie ? Optional.empty() : Optional.of(address.substring(0, at + 1) + best);
    }
}
