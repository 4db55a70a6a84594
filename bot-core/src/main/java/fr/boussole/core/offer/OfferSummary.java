package fr.boussole.core.offer;

/**
 * An offer in a list of results: enough for one line.
 *
 * @param shortTitle at most {@link #SHORT_TITLE_MAX} characters: what a list row or a button shows
 *                   (a WhatsApp list row holds 24)
 */
public record OfferSummary(String id, String title, String shortTitle, String summary, String organisationName,
                           int contactDelayDays) {

    public static final int SHORT_TITLE_MAX = 24;

    public OfferSummary {
        shortTitle = shortTitleOf(shortTitle, title);
    }

    /** Without a short title of its own: one is cut from the title. */
    public OfferSummary(String id, String title, String summary, String organisationName, int contactDelayDays) {
        this(id, title, null, summary, organisationName, contactDelayDays);
    }

    /**
     * The short title given when it fits, else the title cut at a word boundary to fit, with an
     * ellipsis: an offer without one (older data, an import without the column) still shows in a list.
     */
    public static String shortTitleOf(String shortTitle, String title) {
        if (shortTitle != null && !shortTitle.isBlank() && shortTitle.strip().length() <= SHORT_TITLE_MAX) {
            return shortTitle.strip();
        }
        String source = (shortTitle != null && !shortTitle.isBlank() ? shortTitle : title == null ? "" : title).strip();
        if (source.length() <= SHORT_TITLE_MAX) {
            return source;
        }
        String cut = source.substring(0, SHORT_TITLE_MAX - 1);
        int space = cut.lastIndexOf(' ');
        if (space >= SHORT_TITLE_MAX / 2) {
            cut = cut.substring(0, space);
        }
        return cut.replaceAll("[\\s,;:.'’-]+$", "") + "…";
    }
}
