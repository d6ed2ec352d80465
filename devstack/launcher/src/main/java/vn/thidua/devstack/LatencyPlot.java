package vn.thidua.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Latency distributions as a PNG: for each series, the latency (log scale) at each percentile, so
 * the median, the tail and the gap between two targets show at a glance.
 */
final class LatencyPlot {

    private LatencyPlot() {
    }

    /** @param sortedMicros per series name, its latencies in microseconds, ascending */
    static Path write(Path file, String title, Map<String, List<Long>> sortedMicros) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        sortedMicros.forEach((name, micros) -> {
            XYSeries series = new XYSeries(name);
            int n = micros.size();
            for (int i = 0; i < n; i++) {
                series.add(100.0 * (i + 1) / n, micros.get(i) / 1000.0);
            }
            data.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "percentile", "latency (ms, log scale)", data,
                PlotOrientation.VERTICAL, true, false, false);
        LogarithmicAxis latency = new LogarithmicAxis("latency (ms, log scale)");
        latency.setAllowNegativesFlag(false);
        chart.getXYPlot().setRangeAxis(latency);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
        return file;
    }
}
