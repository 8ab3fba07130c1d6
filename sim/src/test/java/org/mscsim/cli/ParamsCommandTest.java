package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;

/** `./mscsim params` shows what its help promises for every parameter: default, range, unit, source. */
class ParamsCommandTest {

    @Test
    void everyParameterIsListedWithItsRangeUnitAndSource() {
        String out = ParamsCommand.plain();
        for (Param p : Parameters.get().all()) {
            String unit = p.unit().equals("-") ? "" : " " + p.unit();
            String head = "  " + p.key() + (p.live() ? " ✎" : "") + " = " + p.toYaml(p.defaultValue()) + unit
                    + "    (" + p.expectation() + ")\n";
            int at = out.indexOf(head);
            assertTrue(at >= 0, "no line for " + p.key() + ": " + head);
            String block = out.substring(at + head.length(), Math.min(out.length(), at + head.length() + 4000));
            assertTrue(block.startsWith("      " + p.doc() + "\n      Source: " + p.source() + "\n"), p.key() + ": meaning and source");
        }
    }
}
