package org.mscsim.cli;

import java.util.concurrent.Callable;
import org.mscsim.assay.Report;
import org.mscsim.assay.Validation;
import org.mscsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate-model", mixinStandardHelpOptions = true,
        header = "Run the bench assays and compare the model with every published target in scenarios/biology.md.",
        description = {
            "For each published number (T-cell suppression by ratio, CD4 vs CD8, transwell, PD-L1, licensing,"
                + " tryptophan add-back, PGE2 rise, timing, recovery, B cells, NK cytotoxicity, macrophages) prints the"
                + " published value, the model's mean ± SD, the range taken as agreement and how far outside it the"
                + " model falls. Writes validation.csv and report.txt. Ranges are fixed in the code, never tuned."
        })
final class ValidateModelCommand implements Callable<Integer> {

    @Mixin
    AssayCommand.Common common;

    @Option(names = "--nk", paramLabel = "N", defaultValue = "2000",
            description = "NK cells in the NK assay (a quarter with --quick). Default: ${DEFAULT-VALUE}.")
    int nk;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (nk < 10 || nk > 1_000_000) {
            throw new Main.UserError("--nk must be from 10 to 1000000, got " + nk);
        }
        Scenario base = common.base();
        Report r = Validation.run(base, common.quick ? nk / 4 : nk, common.options(spec.commandLine().getErr(), "validate-model"));
        return common.write(spec, "validation", r, base.name());
    }
}
