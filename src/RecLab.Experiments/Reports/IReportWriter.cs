using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary>
/// Writes one output of an experiment from its assembled results into the results folder (atomically). The CSV and
/// Markdown outputs implement it; the HTML report with charts plugs in the same way.
/// </summary>
public interface IReportWriter
{
    /// <summary>The file it writes, relative to the results folder (e.g. <c>summary.md</c>).</summary>
    string FileName { get; }

    /// <summary>Writes the output.</summary>
    void Write(ExperimentResults results);
}
