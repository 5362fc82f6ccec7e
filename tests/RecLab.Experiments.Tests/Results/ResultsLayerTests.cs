using System.Text.RegularExpressions;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Results;

/// <summary>
/// Results holds data (the cell store, records, loaded results, the manifest) and Reports every writer (CSV, Markdown,
/// HTML): the way goes one way, from Reports to Results, so a reader of the data never meets a writer.
/// </summary>
public sealed class ResultsLayerTests
{
    [Fact]
    public void No_file_of_Results_names_a_type_of_Reports()
    {
        var assembly = typeof(ExperimentResults).Assembly;
        var reportTypes = assembly.GetTypes()
            .Where(t => t.Namespace == typeof(HtmlReportWriter).Namespace && !t.IsNested && !t.Name.StartsWith('<'))
            .Select(t => t.Name.Split('`')[0])
            .Distinct()
            .ToList();
        Assert.Contains("SummaryWriter", reportTypes);
        var word = new Regex(@"\b(" + string.Join("|", reportTypes.Select(Regex.Escape)) + @"|Reports)\b");

        var folder = Path.Combine(SharedData.RepoRoot, "src", "RecLab.Experiments", "Results");
        var uses = Directory.EnumerateFiles(folder, "*.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("///", StringComparison.Ordinal) && word.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(uses);
    }

    [Fact]
    public void Every_writer_lives_in_Reports()
    {
        var writers = typeof(ExperimentResults).Assembly.GetTypes()
            .Where(t => typeof(IReportWriter).IsAssignableFrom(t) && !t.IsInterface)
            .ToList();

        Assert.Contains(typeof(SummaryWriter), writers);
        Assert.All(writers, t => Assert.Equal(typeof(IReportWriter).Namespace, t.Namespace));
    }
}
