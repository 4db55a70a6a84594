package fr.boussole.console.animation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stacked bar chart laid out on the server, drawn by the template as inline SVG: no script, so the
 * console's content security policy stays strict.
 */
public record BarChart(int width, int height, List<Bar> bars, List<Label> labels, List<Legend> legend, long max) {

    public record Bar(double x, double y, double width, double height, String colour, String title) {}

    public record Label(double x, double y, String text) {}

    public record Legend(String key, String colour) {}

    static final List<String> PALETTE = List.of("#000091", "#18753c", "#b34000", "#6a6af4", "#a558a0", "#666666");
    private static final int LEFT = 30;
    private static final int BOTTOM = 30;
    private static final int TOP = 10;

    /**
     * @param columns column label → (series key → value), in display order
     * @param series  the series keys, in stacking order
     */
    public static BarChart stacked(Map<String, Map<String, Long>> columns, List<String> series, int width, int height) {
        long max = columns.values().stream().mapToLong(c -> c.values().stream().mapToLong(Long::longValue).sum())
                .max().orElse(0);
        long scaleMax = Math.max(max, 1);
        double plotHeight = height - BOTTOM - TOP;
        double step = columns.isEmpty() ? 0 : (double) (width - LEFT) / columns.size();
        double barWidth = step * 0.7;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int column = 0;
        for (var entry : columns.entrySet()) {
            double x = LEFT + column * step + (step - barWidth) / 2;
            double base = height - BOTTOM;
            for (int s = 0; s < series.size(); s++) {
                long value = entry.getValue().getOrDefault(series.get(s), 0L);
                if (value == 0) {
                    continue;
                }
                double h = plotHeight * value / scaleMax;
                base -= h;
                bars.add(new Bar(round(x), round(base), round(barWidth), round(h), PALETTE.get(s % PALETTE.size()),
                        entry.getKey() + " · " + series.get(s) + " : " + value));
            }
            labels.add(new Label(round(x + barWidth / 2), height - BOTTOM + 15, entry.getKey()));
            column++;
        }
        List<Legend> legend = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            legend.add(new Legend(series.get(s), PALETTE.get(s % PALETTE.size())));
        }
        return new BarChart(width, height, bars, labels, legend, max);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
