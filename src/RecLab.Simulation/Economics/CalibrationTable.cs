using System.Globalization;
using System.Text;

namespace RecLab.Simulation.Economics;

/// <summary>A world's funnel against published ranges (<see cref="WorldCalibration.Measure"/>).</summary>
/// <param name="World">The world's spec, e.g. <c>small</c>.</param>
/// <param name="Campaign">What the sponsored figures are forecast for (the reference campaign).</param>
/// <param name="Figures">The figures, funnel order.</param>
public sealed record CalibrationTable(string World, string Campaign, IReadOnlyList<CalibrationFigure> Figures)
{
    /// <summary>True when every figure lies in its range.</summary>
    public bool AllInRange => Figures.All(f => f.InRange);

    /// <summary>The table as Markdown: figure, value, range, in range, definition, then the sources with their URLs.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Calibration of synthetic:{World}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Sponsored figures are forecast from the ground truth for {Campaign}.\n\n");
        md.Append("| figure | value | published range | in range | how it is measured | sources |\n|---|---:|---:|---|---|---|\n");
        foreach (var f in Figures)
            md.Append(CultureInfo.InvariantCulture,
                $"| {f.Name} | {f.Format(f.Value)} | {f.Format(f.Low)} – {f.Format(f.High)} | {(f.InRange ? "yes" : "**no**")} | {f.Definition} | {string.Join("; ", f.Sources.Select(s => $"{s.Publisher} {s.Year}"))} |\n");
        md.Append("\nSources:\n\n");
        foreach (var s in Figures.SelectMany(f => f.Sources).Distinct())
            md.Append(CultureInfo.InvariantCulture, $"- {s.Publisher}, \"{s.Title}\", {s.Year}: {s.Figure}. {s.Url}\n");
        return md.ToString();
    }
}
