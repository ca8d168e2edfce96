package org.charscope.app.cli;

import picocli.CommandLine;

/** Prints CharScope's version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = CharScopeCommand.class.getPackage().getImplementationVersion();
        return new String[] {"CharScope " + (version == null ? "development" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
