package io.tampon.system.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The "Global Information" block Gatling prints at the end of a run, as numbers (all requests, OK and KO). */
final class GatlingStats {

    /** Gatling 3.14: {@code > name (unit)   |   total |   OK |   KO}; older: {@code > name   total (OK=… KO=…)}. */
    private static final Pattern TABLE = Pattern.compile(
            "^> ([a-z0-9 /.]+?)\\s*(?:\\((?:ms|rps)\\))?\\s*\\|\\s*([\\d,]+(?:\\.\\d+)?)\\s*\\|", Pattern.MULTILINE);
    private static final Pattern LINE = Pattern.compile("^> ([a-z0-9 /.]+?)\\s+(\\d+(?:\\.\\d+)?) \\(", Pattern.MULTILINE);

    private GatlingStats() {
    }

    static Map<String, Double> parse(String console) {
        int block = console.lastIndexOf("Global Information");
        Map<String, Double> stats = new LinkedHashMap<>();
        if (block < 0) {
            return stats;
        }
        String rest = console.substring(block);
        for (Pattern pattern : new Pattern[] {TABLE, LINE}) {
            Matcher matcher = pattern.matcher(rest);
            while (matcher.find()) {
                stats.putIfAbsent(matcher.group(1).strip(), Double.parseDouble(matcher.group(2).replace(",", "")));
            }
        }
        return stats;
    }
}
