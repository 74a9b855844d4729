package io.tampon.system.load;

import io.tampon.system.monitor.LagMonitor.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The summary of a load run (JSON, for comparing runs) and its HTML page with the lag and throughput charts. */
record LoadReport(String scenario, Map<String, Object> summary, List<Sample> samples, String gatlingReport) {

    String json() {
        return toJson(summary) + "\n";
    }

    @SuppressWarnings("unchecked")
    static String toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(quote(k.toString()) + ":" + toJson(v)));
            return "{" + String.join(",", entries) + "}";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(v -> items.add(toJson(v)));
            return "[" + String.join(",", items) + "]";
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.3f", d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return value == null ? "null" : quote(value.toString());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    String html() {
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Tampon "
                + "load: " + scenario + "</title><style>body{font:14px system-ui;margin:2em;max-width:1000px}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                + "</style><h1>Tampon load run: " + scenario + "</h1>");
        page.append("<p>HTTP details: <a href=\"").append(gatlingReport).append("\">Gatling report</a></p>");
        page.append("<table>");
        flatten("", summary).forEach((k, v) -> page.append("<tr><th>").append(escape(k)).append("</th><td>")
                .append(escape(v)).append("</td></tr>"));
        page.append("</table>");
        page.append("<h2>Consumer lag per stage</h2>").append(chart(samples, s -> s.lag(), "records"));
        page.append("<h2>Throughput per stage (records committed per second) and accepted per second</h2>")
                .append(chart(samples, s -> {
                    Map<String, Double> rates = new LinkedHashMap<>();
                    rates.put("accepted", s.acceptedPerSecond());
                    rates.putAll(s.perSecond());
                    return rates;
                }, "records/s"));
        return page.append("</html>\n").toString();
    }

    private static Map<String, String> flatten(String prefix, Object value) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flat.putAll(flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v)));
        } else {
            flat.put(prefix, value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(value));
        }
        return flat;
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

    /** A line chart as inline SVG: no script, no external asset. */
    static String chart(List<Sample> samples, java.util.function.Function<Sample, Map<String, ? extends Number>> series,
                        String unit) {
        int width = 900;
        int height = 260;
        int left = 60;
        if (samples.isEmpty()) {
            return "<p>no samples</p>";
        }
        double maxX = samples.get(samples.size() - 1).second();
        double maxY = 1;
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        for (Sample sample : samples) {
            for (var entry : series.apply(sample).entrySet()) {
                double y = entry.getValue().doubleValue();
                maxY = Math.max(maxY, y);
                lines.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(new double[] {sample.second(), y});
            }
        }
        double finalMaxY = maxY;
        ToDoubleFunction<Double> sx = x -> left + (width - left - 10) * x / Math.max(1, maxX);
        ToDoubleFunction<Double> sy = y -> height - 25 - (height - 40) * y / finalMaxY;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\" role=\"img\">");
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(height - 25).append("\" x2=\"")
                .append(width - 10).append("\" y2=\"").append(height - 25).append("\" stroke=\"#999\"/>");
        svg.append(String.format(Locale.ROOT, "<text x=\"5\" y=\"20\">%.0f %s</text><text x=\"5\" y=\"%d\">0</text>"
                + "<text x=\"%d\" y=\"%d\">%.0f s</text>", maxY, unit, height - 25, width - 60, height - 5, maxX));
        int index = 0;
        for (var line : lines.entrySet()) {
            String colour = COLOURS[index % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double[] p : line.getValue()) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.applyAsDouble(p[0]), sy.applyAsDouble(p[1])));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                    .append(points).append("\"/>");
            svg.append("<text x=\"").append(left + 10 + index * 120).append("\" y=\"15\" fill=\"").append(colour)
                    .append("\">").append(escape(line.getKey())).append("</text>");
            index++;
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
