package org.charscope.trials;

import java.util.Arrays;
import org.charscope.app.cli.CharScopeCommand;
import org.charscope.model.NativeSetup;
import org.charscope.train.FaultHook;

/**
 * The faults trial's launcher (.ci/trials/faults, docs/reliability.md): the normal command line
 * with faults put into its training loop. Production has no way to inject a fault; this launcher
 * lives with the tests and installs them as an {@link org.charscope.train.IterationHook}.
 * <pre>
 *   java -cp "target/test-classes:target/charscope.jar:target/lib/*" org.charscope.trials.FaultyTrain \
 *       nan:weights:random=0.003/1,inf:loss:every=50 train BOOK.txt --out m.zip ...
 * </pre>
 * The first argument is the list of faults ({@link org.charscope.train.Fault#parse}); the rest is
 * the {@code charscope} command line, run as {@code java -jar charscope.jar} runs it.
 */
public final class FaultyTrain {

    private FaultyTrain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FaultyTrain FAULTS train FILE... --out MODEL.zip [options]");
            System.exit(2);
        }
        // as charscope.jar's Main: a CPU that OpenBLAS does not know gets its kernels through a relaunch
        var again = Boolean.getBoolean("charscope.noRelaunch") ? java.util.Optional.<ProcessBuilder>empty()
                : NativeSetup.relaunchWithCoreType();
        if (again.isPresent()) {
            System.exit(again.get().inheritIO().start().waitFor());
        }
        FaultHook faults = FaultHook.parse(args[0]);
        System.exit(CharScopeCommand.run(faults, Arrays.copyOfRange(args, 1, args.length)));
    }
}
