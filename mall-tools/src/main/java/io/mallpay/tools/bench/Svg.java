package io.mallpay.tools.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG charts for the HTML report, drawn by hand (no script, no font, no network): a line
 * chart over categories, a bar chart with a reference line, and horizontal stacked bars. Values
 * that are null are skipped; axes start at 0 and end at the largest value rounded up.
 */
final class Svg {

    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"};
    private static final int W = 640;
    private static final int H = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 180;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private Svg() {
    }

    /** Lines over the categories {@code xs}; {@code series} name → one value per category (null: no point). */
    static String lines(String title, String yLabel, List<String> xs, Map<String, List<Double>> series) {
        double max = niceMax(series.values().stream().flatMap(List::stream).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(1));
        StringBuilder b = frame(title, yLabel, max);
        int plotW = W - LEFT - RIGHT;
        double step = xs.size() <= 1 ? 0 : plotW / (double) (xs.size() - 1);
        for (int i = 0; i < xs.size(); i++) {
            double x = LEFT + (xs.size() == 1 ? plotW / 2.0 : i * step);
            b.append(text(x, H - BOTTOM + 16, xs.get(i), "middle"));
        }
        int c = 0;
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            String color = COLORS[c % COLORS.length];
            List<String> pts = new ArrayList<>();
            for (int i = 0; i < e.getValue().size() && i < xs.size(); i++) {
                Double v = e.getValue().get(i);
                if (v == null) {
                    continue;
                }
                double x = LEFT + (xs.size() == 1 ? plotW / 2.0 : i * step);
                double y = y(v, max);
                pts.add(f(x) + "," + f(y));
                b.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3\" fill=\"")
                        .append(color).append("\"><title>").append(esc(e.getKey() + ": " + BenchReport.num(v)))
                        .append("</title></circle>");
            }
            if (pts.size() > 1) {
                b.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"")
                        .append(String.join(" ", pts)).append("\"/>");
            }
            legend(b, c++, e.getKey(), color);
        }
        return b.append("</svg>").toString();
    }

    /** One bar per label, with a dashed reference line at {@code reference} (null: none). */
    static String bars(String title, String yLabel, Map<String, Double> values, Double reference) {
        double max = niceMax(Math.max(reference == null ? 0 : reference,
                values.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1)));
        StringBuilder b = frame(title, yLabel, max);
        int plotW = W - LEFT - RIGHT;
        double slot = plotW / (double) Math.max(1, values.size());
        int i = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double x = LEFT + i * slot + slot * 0.15;
            if (e.getValue() != null) {
                double y = y(e.getValue(), max);
                b.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"")
                        .append(f(slot * 0.7)).append("\" height=\"").append(f(H - BOTTOM - y)).append("\" fill=\"")
                        .append(COLORS[0]).append("\"><title>").append(esc(e.getKey() + ": " + BenchReport.num(e.getValue())))
                        .append("</title></rect>");
                b.append(text(x + slot * 0.35, y - 4, BenchReport.num(e.getValue()), "middle"));
            }
            b.append(text(x + slot * 0.35, H - BOTTOM + 16, e.getKey(), "middle"));
            i++;
        }
        if (reference != null) {
            double y = y(reference, max);
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"#444\" stroke-dasharray=\"4 3\"/>");
        }
        return b.append("</svg>").toString();
    }

    /** Horizontal stacked bars: row label → (segment name → value); segments keep one color each. */
    static String stacked(String title, String xLabel, Map<String, Map<String, Double>> rows) {
        Map<String, String> colors = new LinkedHashMap<>();
        double max = 0;
        for (Map<String, Double> row : rows.values()) {
            max = Math.max(max, row.values().stream().mapToDouble(Double::doubleValue).sum());
            row.keySet().forEach(k -> colors.computeIfAbsent(k, x -> COLORS[colors.size() % COLORS.length]));
        }
        max = niceMax(max);
        int rowH = 22;
        int left = 200;
        int plotW = W - left - RIGHT;
        int h = TOP + rows.size() * rowH + BOTTOM;
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + W + "\" height=\""
                + Math.max(h, TOP + colors.size() * 16 + 10) + "\" font-family=\"sans-serif\" font-size=\"11\">");
        b.append(text(W / 2.0, 16, title, "middle").replace("<text", "<text font-weight=\"bold\""));
        int r = 0;
        for (Map.Entry<String, Map<String, Double>> row : rows.entrySet()) {
            double y = TOP + r * rowH;
            b.append(text(left - 6, y + 14, row.getKey(), "end"));
            double x = left;
            for (Map.Entry<String, Double> seg : row.getValue().entrySet()) {
                double w = seg.getValue() / max * plotW;
                b.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y + 3)).append("\" width=\"").append(f(w))
                        .append("\" height=\"16\" fill=\"").append(colors.get(seg.getKey())).append("\"><title>")
                        .append(esc(row.getKey() + " " + seg.getKey() + ": " + BenchReport.num(seg.getValue()) + " " + xLabel))
                        .append("</title></rect>");
                x += w;
            }
            b.append(text(x + 4, y + 14, BenchReport.num(row.getValue().values().stream()
                    .mapToDouble(Double::doubleValue).sum()), "start"));
            r++;
        }
        b.append(text(left + plotW / 2.0, TOP + rows.size() * rowH + 20, xLabel + " (axis to " + BenchReport.num(max) + ")",
                "middle"));
        int c = 0;
        for (Map.Entry<String, String> e : colors.entrySet()) {
            legend(b, c++, e.getKey(), e.getValue());
        }
        return b.append("</svg>").toString();
    }

    static double niceMax(double v) {
        if (v <= 0) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= v) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private static StringBuilder frame(String title, String yLabel, double max) {
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + W + "\" height=\"" + H
                + "\" font-family=\"sans-serif\" font-size=\"11\">");
        b.append(text(W / 2.0 - RIGHT / 2.0, 16, title, "middle").replace("<text", "<text font-weight=\"bold\""));
        b.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(H - BOTTOM).append("\" stroke=\"#000\"/>");
        b.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(H - BOTTOM).append("\" x2=\"").append(W - RIGHT)
                .append("\" y2=\"").append(H - BOTTOM).append("\" stroke=\"#000\"/>");
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            double y = y(v, max);
            b.append(text(LEFT - 4, y + 4, BenchReport.num(v), "end"));
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"#ddd\"/>");
        }
        b.append("<text x=\"12\" y=\"").append(H / 2).append("\" transform=\"rotate(-90 12 ").append(H / 2)
                .append(")\" text-anchor=\"middle\">").append(esc(yLabel)).append("</text>");
        return b;
    }

    private static void legend(StringBuilder b, int i, String name, String color) {
        int y = TOP + i * 16;
        b.append("<rect x=\"").append(W - RIGHT + 10).append("\" y=\"").append(y).append("\" width=\"10\" height=\"10\" fill=\"")
                .append(color).append("\"/>");
        b.append(text(W - RIGHT + 24, y + 9, name, "start"));
    }

    private static double y(double v, double max) {
        return H - BOTTOM - v / max * (H - TOP - BOTTOM);
    }

    private static String text(double x, double y, String s, String anchor) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\">" + esc(s) + "</text>";
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
