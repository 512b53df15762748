package org.aduan.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader can work out from published tables by subtraction: every table says its total is the sum
 * of its rows; wherever exactly one number of such an equation is hidden, it follows from the others; and
 * what was learned is used again in every other table where the same cell appears, until nothing new
 * follows. A cell is named by what it counts (e.g. {@code 2026-03|category=air|province=32}), so the same
 * cell in different tables is recognised.
 */
public final class SubtractionAttack {

    private final Map<String, Long> known = new HashMap<>();
    private final Set<String> hidden = new LinkedHashSet<>();
    private final List<List<String>> equations = new ArrayList<>();

    /** A published cell: its value, or null when suppressed. */
    public void cell(String id, Long value) {
        if (value == null) {
            if (known.containsKey(id)) {
                throw new AssertionError("cell " + id + " is published in one table and suppressed in another");
            }
            hidden.add(id);
        } else {
            Long before = known.put(id, value);
            if (before != null && !before.equals(value)) {
                throw new AssertionError("cell " + id + " published as " + before + " and as " + value);
            }
            if (hidden.contains(id)) {
                throw new AssertionError("cell " + id + " is suppressed in one table and published in another");
            }
        }
    }

    /** {@code total} = sum of {@code terms}, as a table publishes it. */
    public void equation(String total, List<String> terms) {
        List<String> equation = new ArrayList<>();
        equation.add(total);
        equation.addAll(terms);
        equations.add(equation);
    }

    public int equations() {
        return equations.size();
    }

    public Set<String> hidden() {
        return hidden;
    }

    /** Subtracts wherever possible; returns the hidden cells that became known, with their values. */
    public Map<String, Long> run() {
        Map<String, Long> values = new HashMap<>(known);
        Map<String, Long> recovered = new HashMap<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (List<String> equation : equations) {
                String unknown = null;
                int unknowns = 0;
                for (String id : equation) {
                    if (!values.containsKey(id)) {
                        unknowns++;
                        unknown = id;
                    }
                }
                if (unknowns != 1) {
                    continue;
                }
                long sumOfTerms = 0;
                for (String id : equation.subList(1, equation.size())) {
                    if (!id.equals(unknown)) {
                        sumOfTerms += values.get(id);
                    }
                }
                long value = unknown.equals(equation.get(0)) ? sumOfTerms : values.get(equation.get(0)) - sumOfTerms;
                values.put(unknown, value);
                recovered.put(unknown, value);
                progress = true;
            }
        }
        return recovered;
    }
}
