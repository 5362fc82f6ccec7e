using System.Globalization;
using System.Text;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary><c>timings.md</c>: per (dataset, split) and configuration, mean fit and evaluation seconds per cell and peak memory.</summary>
public sealed class TimingsWriter : IReportWriter
{
    /// <inheritdoc/>
    public string FileName => "timings.md";

    /// <inheritdoc/>
    public void Write(ExperimentResults results) =>
        AtomicFile.WriteAllText(Path.Combine(results.Folder, FileName), Render(results));

    /// <summary>The Markdown text.</summary>
    public static string Render(ExperimentResults results)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(inv, $"# {results.Plan.Config.Name}: timings\n\n");
        md.Append("Seconds per cell (one fold of one repeat), averaged over the successful cells; memory is the process's peak working set ")
          .Append("when the cell finished (cells running in parallel share it). Machine details are in manifest.json.\n\n");
        foreach (var table in results.Tables)
        {
            md.Append(inv, $"## {table.Dataset} · {table.Split}\n\n");
            MarkdownTable.Write(md, ["algorithm", "cells", "fit s", "eval s", "peak MB"], table.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Configuration,
                $"{r.Succeeded}/{r.Cells}",
                double.IsNaN(r.FitSeconds) ? "n/a" : r.FitSeconds.ToString("0.000", inv),
                double.IsNaN(r.EvaluationSeconds) ? "n/a" : r.EvaluationSeconds.ToString("0.000", inv),
                (r.PeakWorkingSetBytes / 1e6).ToString("0", inv),
            ]));
        }
        return md.ToString();
    }
}
