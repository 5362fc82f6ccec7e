using System.Globalization;
using CsvHelper;
using RecLab.Data.Loading;
using RecLab.Evaluation.Metrics;

namespace RecLab.Experiments.Reproduction;

/// <summary>
/// Reads an expected-figures file (<c>experiments/reproduce/expected/*.csv</c>): a header
/// <c>algorithm,metric,reference,below,above,source</c>, one figure per line, <c>#</c> comment lines; <c>below</c> and
/// <c>above</c> are the tolerances on each side of the reference, empty for unbounded.
/// </summary>
public static class ReferenceFigures
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["algorithm", "metric", "reference", "below", "above", "source"];

    /// <summary>The figures of <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">A missing column, an unknown metric or a bad number, with file and line.</exception>
    public static IReadOnlyList<ReferenceFigure> Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Expected-figures file not found: {path}", path);
        var options = new CsvReaderOptions { HasHeader = true, CommentPrefix = '#', TrackLineNumbers = true, SkipEmptyLines = true, TrimWhitespace = true };
        using var csv = CsvReader.FromFile(path, options);
        var missing = Columns.Where(c => !csv.Headers.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
            throw new DataFormatException(path, 1, $"missing column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}",
                expected: string.Join(",", Columns));
        var figures = new List<ReferenceFigure>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            string metric;
            try
            {
                metric = MetricSpec.Parse(csv.GetString("metric")).Name;
            }
            catch (ArgumentException e)
            {
                throw new DataFormatException(path, line, $"metric: {e.Message.Split(Environment.NewLine)[0]}");
            }
            var figure = new ReferenceFigure
            {
                Algorithm = Required(csv.GetString("algorithm"), "algorithm", path, line),
                Metric = metric,
                Reference = Number(csv.GetString("reference"), "reference", path, line)
                    ?? throw new DataFormatException(path, line, "reference is empty", "a number"),
                Below = Number(csv.GetString("below"), "below", path, line),
                Above = Number(csv.GetString("above"), "above", path, line),
                Source = csv.GetString("source"),
                Line = line,
            };
            if (figure.Below < 0 || figure.Above < 0)
                throw new DataFormatException(path, line, "tolerances must not be negative");
            figures.Add(figure);
        }
        if (figures.Count == 0)
            throw new DataFormatException(path, 1, "no figures", "one line per algorithm and metric after the header");
        return figures;
    }

    private static string Required(string value, string column, string path, int line) =>
        value.Length > 0 ? value : throw new DataFormatException(path, line, $"{column} is empty");

    private static double? Number(string text, string column, string path, int line)
    {
        if (text.Length == 0)
            return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new DataFormatException(path, line, $"{column} '{text}' is not a number", "a decimal number such as 0.873, or empty");
    }
}
