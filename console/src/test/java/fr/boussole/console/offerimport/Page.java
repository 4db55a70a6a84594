package fr.boussole.console.offerimport;

import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough reading of a rendered console page (HTML, not XML) for these tests. */
record Page(String html) {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    boolean has(String id) {
        return html.contains("id=\"" + id + "\"");
    }

    /** The text of the element with this id (no nested element of the same tag). */
    String text(String id) {
        Matcher m = Pattern.compile("<(\\w+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
                .matcher(html);
        if (!m.find()) {
            throw new AssertionError("no element #" + id + " in the page");
        }
        return clean(m.group(2));
    }

    int count(String id) {
        return Integer.parseInt(text(id));
    }

    /** The body rows of the table with this id, as cell texts; empty when there is no such table. */
    List<List<String>> rows(String tableId) {
        int start = html.indexOf("id=\"" + tableId + "\"");
        if (start < 0) {
            return List.of();
        }
        String table = html.substring(start, html.indexOf("</table>", start));
        int body = table.indexOf("<tbody>");
        Matcher rows = ROW.matcher(body < 0 ? table : table.substring(body));
        List<List<String>> result = new ArrayList<>();
        while (rows.find()) {
            Matcher cells = CELL.matcher(rows.group(1));
            List<String> row = new ArrayList<>();
            while (cells.find()) {
                row.add(clean(cells.group(1)));
            }
            if (!row.isEmpty()) {
                result.add(row);
            }
        }
        return result;
    }

    private static String clean(String fragment) {
        return HtmlUtils.htmlUnescape(TAG.matcher(fragment).replaceAll("")).strip().replaceAll("\\s+", " ");
    }
}
