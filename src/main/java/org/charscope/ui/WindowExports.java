package org.charscope.ui;

import java.util.function.Supplier;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.explorer.ExplorerModel;
import org.charscope.ui.explorer.ExplorerPane;
import org.charscope.ui.export.ExportActions;
import org.charscope.ui.loss.LossChartPane;
import org.charscope.ui.samples.SamplesPane;
import org.charscope.ui.training.DashboardModel;

/**
 * What each Export item saves from the window's panes, named after the book and what is shown;
 * when there is nothing to save yet, the status line says what to do first. Holds nothing but the
 * panes and models it saves from.
 */
record WindowExports(ExportActions actions, BookModel book, DashboardModel dashboard, ExplorerModel explorer,
        LossChartPane lossPane, Supplier<ExplorerPane> explorerPane, SamplesPane samplesPane) {

    /** The name exports and saved models are named after: the book's, or "book" before one is open. */
    static String bookName(BookModel book) {
        var facts = book.factsProperty().get();
        return facts == null ? "book" : facts.displayName();
    }

    /** Every sample of the timeline, as Markdown or plain text. */
    void samples(boolean markdown) {
        actions.samples(bookName(book), dashboard.samples(), markdown);
    }

    /** The samples picked in the timeline, one or more, as Markdown or plain text. */
    void selectedSamples(boolean markdown) {
        var chosen = samplesPane.selectedSamples();
        if (chosen.isEmpty() && !dashboard.samples().isEmpty()) {
            dashboard.say("select one or more samples in the timeline first");
        } else {
            actions.samples(bookName(book), chosen, markdown);
        }
    }

    /** @param scale 1 for screen resolution, 2 for twice as many pixels each way */
    void lossChart(int scale) {
        actions.picture(lossPane, scale, scale == 1 ? "loss-chart.png" : "loss-chart@" + scale + "x.png");
    }

    /** @param scale 1 for screen resolution, 2 for twice as many pixels each way */
    void heatmap(int scale) {
        actions.picture(explorerPane.get().heatmapNode(), scale,
                "heatmap-" + explorer.selectionName() + (scale == 1 ? "" : "@" + scale + "x") + ".png");
    }

    /** The heatmap as an HTML page, once the explorer has read a passage. */
    void heatmapPage() {
        var render = explorer.heatmapPage();
        if (render == null) {
            dashboard.say("read a passage in the Neurons tab first");
        } else {
            actions.text("heatmap-" + explorer.selectionName() + ".html", "HTML page", "*.html", render);
        }
    }
}
