using System.Globalization;
using RecLab.Charts.Html;
using RecLab.Experiments.Results;

namespace RecLab.Experiments.Reports;

/// <summary>What produced the results: experiment, seeds, configuration hash, versions, machine, wall time, datasets.</summary>
public sealed class ManifestSection : IReportSection
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Charts => [];

    /// <inheritdoc/>
    public void Render(ReportContext context)
    {
        var inv = CultureInfo.InvariantCulture;
        var results = context.Results;
        var plan = results.Plan;
        var succeeded = results.Records.Values.Count(r => r.Status == CellRecord.Succeeded);
        context.Page.AddHeading("Run");
        var rows = new List<IReadOnlyList<TableCell>>
        {
            Row("experiment", plan.Config.Name),
            Row("cells", $"{plan.Cells.Count} ({succeeded} succeeded, {results.Failed.Count} failed, {results.Missing.Count} missing)"),
            Row("seed", plan.Config.Seed.ToString(inv) + (plan.RepeatSeeds.Count > 1 ? $"; repeat seeds {string.Join(", ", plan.RepeatSeeds)}" : "")),
            Row("configuration hash", plan.ConfigHash),
        };
        // A manifest of another configuration (an earlier run's, left beside shards of this one) describes other results.
        var stale = context.Manifest is { } written && written.ConfigHash != plan.ConfigHash ? written : null;
        if (context.Manifest is { } m && stale is null)
        {
            rows.Add(Row("RecLab", m.RecLabVersion));
            rows.Add(Row(".NET", m.DotNet));
            rows.Add(Row("OS", m.Os));
            rows.Add(Row("machine", m.Shard == "merged"
                ? $"merged from {m.Shards.Count} shard{(m.Shards.Count == 1 ? "" : "s")} (see manifest.json); merged on {m.Cores} cores"
                : $"{m.Cores} cores, {m.Jobs} cells in parallel, {m.ThreadsPerCell} thread{(m.ThreadsPerCell == 1 ? "" : "s")} per cell"));
            rows.Add(Row("started (UTC)", m.StartedUtc));
            rows.Add(Row("wall time", m.WallSeconds.ToString("0.0", inv) + " s" + (m.CellsReused > 0 ? $" ({m.CellsReused} cells reused from an earlier run)" : "")));
        }
        context.Page.AddTable(new HtmlTable { Columns = ["", ""], Rows = rows });
        if (stale is not null)
            context.Page.AddParagraph($"Stale: manifest.json was written by a run of another configuration (hash {stale.ConfigHash[..Math.Min(16, stale.ConfigHash.Length)]}, " +
                $"seed {stale.Seed.ToString(inv)}), so its versions, machine, timings and datasets are not shown. Run or merge this configuration to rewrite it.");
        else if (context.Manifest is null)
            context.Page.AddParagraph("This folder has no manifest.json, so versions, machine and timings are unknown.");
        else if (context.Manifest.Datasets.Count > 0)
        {
            context.Page.AddTable(new HtmlTable
            {
                Caption = "Datasets",
                Columns = ["dataset", "source", "feedback", "users", "items", "interactions", "SHA-256 (prepared)"],
                Rows = context.Manifest.Datasets.Select(d => (IReadOnlyList<TableCell>)
                [
                    d.Name, d.Source, d.Kind, TableCell.Number(d.Users, "N0"), TableCell.Number(d.Items, "N0"),
                    TableCell.Number(d.Interactions, "N0"), new TableCell { Text = d.Sha256[..Math.Min(16, d.Sha256.Length)], Tooltip = d.Sha256 },
                ]).ToList(),
            });
        }
    }

    private static IReadOnlyList<TableCell> Row(string name, string value) => [new TableCell { Text = name, Strong = true }, value];
}
