package org.mscsim.sweep.slurm;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a Slurm task starts MSCSim: the Java and the class path of the command that submitted it,
 * as absolute paths. On a cluster both live on the shared filesystem (the repository built once
 * on the login node, a Java module); the task never rebuilds anything.
 */
record TaskCommand(String java, String classpath) {

    static TaskCommand current() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath().toString();
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        return new TaskCommand(java, String.join(File.pathSeparator, entries));
    }
}
