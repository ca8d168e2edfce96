package org.charscope.app.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** JSON as the CLI prints it: pretty, nulls kept (a missing title is {@code null}, not absent), no HTML escaping. */
final class Json {

    private static final Gson PRETTY = new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    static String pretty(Object value) {
        return PRETTY.toJson(value);
    }
}
