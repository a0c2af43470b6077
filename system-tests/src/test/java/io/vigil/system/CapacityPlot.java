package io.vigil.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The capacity plot as SVG (no library): left, heartbeats/s recorded against fleet size, one line per series of runs
 * (e.g. before and after a change); right, CPU-ms per 1,000 heartbeats of each part against fleet size, for the
 * latest series.
 */
final class CapacityPlot {

    private static final int W = 460;
    private static final int H = 320;
    private static final int LEFT = 60;
    private static final int TOP = 40;
    private static final int PLOT_W = 340;
    private static final int PLOT_H = 220;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#17becf"};

    private CapacityPlot() {
    }

    static String svg(List<Map<String, Object>> runs) {
        Map<String, List<double[]>> rates = new LinkedHashMap<>();
        String latest = null;
        for (Map<String, Object> run : runs) {
            String series = String.valueOf(run.getOrDefault("series", "runs"));
            Double fleet = number(run.get(CapacityReport.FLEET));
            Double rate = number(run.get(CapacityReport.HEARTBEATS_PER_SECOND));
            if (fleet != null && rate != null) {
                rates.computeIfAbsent(series, s -> new ArrayList<>()).add(new double[]{fleet, rate});
                latest = series;
            }
        }
        Map<String, List<double[]>> cpu = new LinkedHashMap<>();
        for (Map<String, Object> run : runs) {
            if (!String.valueOf(run.getOrDefault("series", "runs")).equals(latest)) {
                continue;
            }
            Double fleet = number(run.get(CapacityReport.FLEET));
            run.forEach((key, value) -> {
                Double ms = number(value);
                if (fleet != null && ms != null && key.startsWith(CapacityReport.CPU_PREFIX)) {
                    cpu.computeIfAbsent(key.substring(CapacityReport.CPU_PREFIX.length()), k -> new ArrayList<>())
                            .add(new double[]{fleet, ms});
                }
            });
        }
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"11\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n", 2 * W, H));
        panel(svg, 0, "heartbeats/s recorded", rates);
        panel(svg, W, "CPU-ms per 1,000 heartbeats (" + (latest == null ? "" : latest) + ")", cpu);
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, int x0, String title, Map<String, List<double[]>> lines) {
        double maxX = 1;
        double maxY = 1;
        for (List<double[]> points : lines.values()) {
            for (double[] p : points) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        maxX = nice(maxX);
        maxY = nice(maxY);
        int ox = x0 + LEFT;
        int oy = TOP + PLOT_H;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\">%s</text>\n", ox, title));
        svg.append(String.format(Locale.ROOT, "<path d=\"M%d %d V%d H%d\" stroke=\"black\" fill=\"none\"/>\n",
                ox, TOP, oy, ox + PLOT_W));
        for (int i = 0; i <= 4; i++) {
            double vx = maxX * i / 4;
            double vy = maxY * i / 4;
            int px = ox + PLOT_W * i / 4;
            int py = oy - PLOT_H * i / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%,.0f</text>\n",
                    px, oy + 15, vx));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%,.0f</text>\n",
                    ox - 5, py + 4, vy));
            svg.append(String.format(Locale.ROOT, "<path d=\"M%d %d H%d\" stroke=\"#ddd\"/>\n", ox, py, ox + PLOT_W));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">fleet size (agents)"
                + "</text>\n", ox + PLOT_W / 2, oy + 32));
        int colour = 0;
        for (Map.Entry<String, List<double[]>> line : lines.entrySet()) {
            String c = COLOURS[colour % COLOURS.length];
            List<double[]> points = new ArrayList<>(line.getValue());
            points.sort(Comparator.comparingDouble(p -> p[0]));
            StringBuilder d = new StringBuilder();
            for (double[] p : points) {
                double px = ox + PLOT_W * p[0] / maxX;
                double py = oy - PLOT_H * p[1] / maxY;
                d.append(d.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                        px, py, c));
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" stroke=\"%s\" fill=\"none\"/>\n", d, c));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n",
                    ox + PLOT_W + 5 - 120, TOP + 12 + 13 * colour, c, escape(line.getKey())));
            colour++;
        }
    }

    private static double nice(double max) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
