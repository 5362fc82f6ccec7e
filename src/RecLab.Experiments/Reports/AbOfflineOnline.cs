using System.Globalization;
using System.Text;
using CsvHelper;
using MathNet.Numerics.Statistics;
using RecLab.Experiments.Results;
using RecLab.Experiments.Schema;

namespace RecLab.Experiments.Reports;

/// <summary>
/// Does offline accuracy predict the online outcome? For an A/B test whose arms were also evaluated offline on the
/// same synthetic world, a table of each arm's offline metric (the first one of the file, e.g. ndcg@10, on the first
/// split of that dataset) beside its simulated per-user outcomes, with Spearman's rank correlation over the arms.
/// </summary>
internal static class AbOfflineOnline
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Appends the table when at least three arms have both figures; otherwise nothing.</summary>
    public static void Append(StringBuilder md, ExperimentResults results, AbTestConfig test, string summaryCsv)
    {
        var plan = results.Plan;
        var source = "synthetic:" + test.World;
        var dataset = plan.Config.Datasets.FirstOrDefault(d => string.Equals(d.Source, source, StringComparison.OrdinalIgnoreCase));
        var table = dataset is null ? null : results.Tables.FirstOrDefault(t => t.Dataset == dataset.Name);
        if (table is null || plan.Metrics.Count == 0 || !File.Exists(summaryCsv))
            return;
        var offlineName = plan.Metrics[0].Name;
        var online = ReadValues(summaryCsv);
        var metrics = online.Keys.Select(k => k.Metric).Distinct().ToList();
        var arms = new List<(string Arm, double Offline, double[] Online)>();
        foreach (var arm in test.Arms)
        {
            var name = arm.Name ?? arm.Algorithm;
            var row = table.Rows.FirstOrDefault(r => r.Algorithm == arm.Algorithm);
            var offline = row?.Metrics.FirstOrDefault(m => m.Name == offlineName)?.Value ?? double.NaN;
            var values = metrics.Select(m => online.GetValueOrDefault((m, name), double.NaN)).ToArray();
            if (double.IsFinite(offline) && values.All(double.IsFinite))
                arms.Add((name, offline, values));
        }
        if (arms.Count < 3)
            return;

        md.Append(Inv, $"### Offline vs online · {test.Name}\n\n")
          .Append(Inv, $"Offline {offlineName} on `{table.Dataset}` · {table.Split} (the historical log) beside each arm's simulated outcome; ")
          .Append("ρ is Spearman's rank correlation over the arms (does the offline ranking of the algorithms predict the online one?).\n\n");
        var rows = arms.OrderByDescending(a => a.Offline).Select(a => (IReadOnlyList<string>)
            [a.Arm, a.Offline.ToString("0.0000", Inv), .. a.Online.Select(v => v.ToString("0.0000", Inv))]).ToList();
        var offlineValues = arms.Select(a => a.Offline).ToArray();
        rows.Add(["Spearman ρ with offline", "1", .. metrics.Select((_, k) => Rho(offlineValues, [.. arms.Select(a => a.Online[k])]))]);
        MarkdownTable.Write(md, ["arm", offlineName, .. metrics], rows);
    }

    private static string Rho(double[] x, double[] y)
    {
        var rho = Correlation.Spearman(x, y);
        return double.IsFinite(rho) ? rho.ToString("0.00", Inv) : "n/a";
    }

    /// <summary>Each (metric, arm)'s value from an A/B summary.csv.</summary>
    private static Dictionary<(string Metric, string Arm), double> ReadValues(string path)
    {
        var values = new Dictionary<(string, string), double>();
        using var csv = CsvReader.FromFile(path, CsvOptions.Reader);
        while (csv.Read())
        {
            var text = csv.GetString("value");
            var value = string.IsNullOrEmpty(text) ? double.NaN : double.Parse(text, NumberStyles.Float, Inv);
            values[(csv.GetString("metric"), csv.GetString("arm"))] = value;
        }
        return values;
    }
}
