package io.tampon.system.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The "Global Information" block Gatling prints at the end of a run, as numbers (all requests, OK and KO). */
final class GatlingStats {

    private static final Pattern LINE = Pattern.compile("^> ([a-z0-9 /.]+?)\\s+(\\d+(?:\\.\\d+)?) \\(", Pattern.MULTILINE);

    private GatlingStats() {
    }

    static Map<String, Double> parse(String console) {
        int block = console.lastIndexOf("Global Information");
        Map<String, Double> stats = new LinkedHashMap<>();
        if (block < 0) {
            return stats;
        }
        Matcher matcher = LINE.matcher(console.substring(block));
        while (matcher.find()) {
            stats.putIfAbsent(matcher.group(1).strip(), Double.parseDouble(matcher.group(2)));
        }
        return stats;
    }
}
