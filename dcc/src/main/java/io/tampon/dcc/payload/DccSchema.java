package io.tampon.dcc.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of the EU DCC JSON schema (versions 1.0.0 to 1.3.0) that decide whether a payload is well-formed:
 * required fields, types, patterns and lengths, and exactly one of {@code v}/{@code t}/{@code r}. Value-set
 * membership (e.g. which vaccine codes exist) is not checked: value sets change over time and are a business
 * rule, not a schema rule.
 */
public final class DccSchema {

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern MRZ_NAME = Pattern.compile("[A-Z<]*");
    private static final Pattern DOB = Pattern.compile("((19|20)\\d\\d(-\\d\\d){0,2})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private DccSchema() {
    }

    /** Every violation found, each naming its field; empty when the payload is valid. */
    public static List<String> violations(Map<?, ?> payload) {
        List<String> problems = new ArrayList<>();
        text(payload, "ver", true, 20, VERSION, problems, "");
        if (!(payload.get("nam") instanceof Map<?, ?> nam)) {
            problems.add("nam: required object");
        } else {
            text(nam, "fn", false, 80, null, problems, "nam.");
            text(nam, "gn", false, 80, null, problems, "nam.");
            text(nam, "fnt", true, 80, MRZ_NAME, problems, "nam.");
            text(nam, "gnt", false, 80, MRZ_NAME, problems, "nam.");
        }
        text(payload, "dob", true, 10, DOB, problems, "");
        int groups = 0;
        for (String group : List.of("v", "t", "r")) {
            if (!payload.containsKey(group)) {
                continue;
            }
            groups++;
            if (!(payload.get(group) instanceof List<?> entries) || entries.isEmpty()) {
                problems.add(group + ": must be a non-empty array");
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                String at = group + "[" + i + "].";
                if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                    problems.add(at + ": must be an object");
                } else {
                    checkEntry(group, entry, at, problems);
                }
            }
        }
        if (groups != 1) {
            problems.add("exactly one of v, t, r is required (found " + groups + ")");
        }
        return problems;
    }

    private static void checkEntry(String group, Map<?, ?> entry, String at, List<String> problems) {
        text(entry, "tg", true, 20, null, problems, at);
        text(entry, "co", true, 2, COUNTRY, problems, at);
        text(entry, "is", true, 80, null, problems, at);
        text(entry, "ci", true, 80, null, problems, at);
        switch (group) {
            case "v" -> {
                for (String field : List.of("vp", "mp", "ma")) {
                    text(entry, field, true, 80, null, problems, at);
                }
                positiveInteger(entry, "dn", problems, at);
                positiveInteger(entry, "sd", problems, at);
                text(entry, "dt", true, 10, DATE, problems, at);
            }
            case "t" -> {
                text(entry, "tt", true, 20, null, problems, at);
                text(entry, "nm", false, 80, null, problems, at);
                text(entry, "ma", false, 20, null, problems, at);
                text(entry, "sc", true, 40, DATE_TIME, problems, at);
                text(entry, "tr", true, 20, null, problems, at);
                text(entry, "tc", false, 80, null, problems, at);
            }
            default -> {
                text(entry, "fr", true, 10, DATE, problems, at);
                text(entry, "df", true, 10, DATE, problems, at);
                text(entry, "du", true, 10, DATE, problems, at);
            }
        }
    }

    private static void text(Map<?, ?> map, String field, boolean required, int maxLength, Pattern pattern,
                             List<String> problems, String at) {
        Object value = map.get(field);
        if (value == null) {
            if (required) {
                problems.add(at + field + ": required");
            }
            return;
        }
        if (!(value instanceof String s)) {
            problems.add(at + field + ": must be a string");
            return;
        }
        if (s.length() > maxLength) {
            problems.add(at + field + ": longer than " + maxLength);
        }
        if (pattern != null && !pattern.matcher(s).matches()) {
            problems.add(at + field + ": does not match " + pattern.pattern());
        }
    }

    private static void positiveInteger(Map<?, ?> map, String field, List<String> problems, String at) {
        Object value = map.get(field);
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 1
                || n.longValue() > 9) {
            problems.add(at + field + ": must be an integer from 1 to 9");
        }
    }
}
