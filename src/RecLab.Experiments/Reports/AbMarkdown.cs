using System.Globalization;
using System.Text;
using RecLab.Experiments.Schema;
using RecLab.Simulation.AbTesting;
using RecLab.Simulation.Statistics;

namespace RecLab.Experiments.Reports;

/// <summary>
/// The Markdown section of one simulated A/B test, written next to its CSV files when it finishes and appended to
/// summary.md: the split check, the per-metric table (value with CI, uplift with CI, Holm p, CUPED, always-valid p),
/// creator concentration and warnings. No timings, so equal runs give equal bytes.
/// </summary>
internal static class AbMarkdown
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(AbTestConfig test, AbRun run, AbReport report)
    {
        var md = new StringBuilder();
        var level = (1 - report.Alpha) * 100;
        md.Append(Inv, $"## A/B test · {test.Name}\n\n");
        md.Append(Inv, $"World `synthetic:{test.World}`, {test.Days} days")
          .Append(test.PreDays > 0 ? string.Create(Inv, $" after a {test.PreDays}-day pre-period on `{report.Arms[0]}` (the CUPED covariate)") : "")
          .Append(test.RetrainEvery is { } k ? string.Create(Inv, $"; every arm retrained every {k} days on its own users' clicks") : "; models fitted once on the historical log")
          .Append(". Arms: ")
          .Append(string.Join(", ", run.Arms.Select(a => string.Create(Inv, $"`{a.Name}` ({a.Traffic:0.##} of traffic, {a.Users.Count} users)"))))
          .Append(Inv, $"; control `{report.Arms[0]}`. ");
        if (report.Srm is { } srm)
            md.Append(Inv, $"Sample-ratio check: χ² = {srm.ChiSquare:0.00}, p = {P(srm.PValue)}{(srm.Mismatch ? " — **mismatch, do not trust this test**" : " (no mismatch)")}. ");
        md.Append(Inv, $"Users are the unit: per-user metrics by Welch's t-test, ratios (ctr, conversion) by the delta method; uplift = treatment/control − 1 with its {level:0.#}% CI; ")
          .Append("p Holm-adjusted over treatment arms; the always-valid p (mSPRT) stays valid however often the test was looked at.\n\n");

        var rows = new List<IReadOnlyList<string>>();
        foreach (var e in report.Estimates)
        {
            var c = report.Comparisons.FirstOrDefault(x => x.Metric == e.Metric && x.Arm == e.Arm);
            rows.Add(
            [
                e.Metric, e.Arm, string.Create(Inv, $"{Value(e.Value)} [{Value(e.Low)}, {Value(e.High)}]"),
                c is null ? "control" : string.Create(Inv, $"{Percent(c.RelativeUplift)} [{Percent(c.RelativeLow)}, {Percent(c.RelativeHigh)}]"),
                c is null ? "" : P(c.AdjustedPValue) + (c.Significant ? " *" : ""),
                c is null || double.IsNaN(c.CupedRelativeUplift) ? "" : string.Create(Inv, $"{Percent(c.CupedRelativeUplift)} [{Percent(c.CupedRelativeLow)}, {Percent(c.CupedRelativeHigh)}]"),
                c is null || double.IsNaN(c.CupedRelativeUplift) ? "" : P(c.CupedAdjustedPValue),
                c is null || double.IsNaN(c.CupedVarianceReduction) ? "" : Share(c.CupedVarianceReduction),
                c is null ? "" : P(c.AlwaysValidPValue),
            ]);
        }
        MarkdownTable.Write(md, ["metric", "arm", $"value [{level:0.#}% CI]", "uplift [CI]", "p (Holm)", "CUPED uplift [CI]", "CUPED p", "variance cut", "always-valid p"], rows);

        MarkdownTable.Write(md, ["arm", "creators reached", "exposure Gini", "top-1% share", "catalogue shown", "creator payout ($)"],
            report.Creators.Select(c => (IReadOnlyList<string>)
            [
                c.Arm, string.Create(Inv, $"{c.CreatorsReached} of {c.Creators}"), Value(c.Gini), Share(c.Top1PercentShare), Share(c.CatalogCoverage),
                c.CreatorPayout.ToString("#,0", Inv),
            ]));
        if (test.Campaign is { } campaign)
            Campaign(md, campaign, test, run);
        foreach (var warning in report.Warnings)
            md.Append("- ").Append(warning).Append('\n');
        md.Append(Inv, $"\nPer-day values with CIs and p-values: ab/{test.Name}/daily.csv; per-user counters: ab/{test.Name}/users.csv.\n\n");
        return md.ToString();
    }

    /// <summary>What each arm's sponsored slots delivered: whom, through how many creators, at what cost, for what revenue.</summary>
    private static void Campaign(StringBuilder md, CampaignConfig campaign, AbTestConfig test, AbRun run)
    {
        md.Append(Inv, $"\nCampaign: the {campaign.Products} best `{campaign.Topic}` products in slot {campaign.Position + 1}, at most {campaign.MaxPerUserPerDay} a day per user; ")
          .Append(Inv, $"arms without a plan show it to everyone at ${campaign.CostPerThousand:0.##} per thousand impressions, arms with one buy creators ")
          .Append(Inv, $"with ${campaign.Budget:#,0.##} (expected spend over the whole audience; each arm serves its share of it), reaching {campaign.Target} among their followers.\n\n");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var arm in run.Arms)
        {
            var plan = test.Arms.First(a => (a.Name ?? a.Algorithm) == arm.Name).Plan;
            var totals = arm.Totals();
            double impressions = 0, cost = 0, revenue = 0;
            var reached = 0;
            foreach (var t in totals)
            {
                impressions += t.SponsoredImpressions;
                cost += t.AdCost;
                revenue += t.AttributedRevenue;
                reached += t.SponsoredImpressions > 0 ? 1 : 0;
            }
            var creators = 0;
            foreach (var n in arm.ChannelImpressions)
                creators += n > 0 ? 1 : 0;
            rows.Add(
            [
                arm.Name, plan is { } p ? Naming.Kebab(p.ToString()) : "platform", plan is null ? "" : creators.ToString(Inv), reached.ToString("#,0", Inv),
                impressions.ToString("#,0", Inv), cost.ToString("#,0.00", Inv), revenue.ToString("#,0", Inv), cost > 0 ? Value(revenue / cost) : "n/a",
            ]);
        }
        MarkdownTable.Write(md, ["arm", "plan", "creators paid", "users reached", "sponsored impressions", "ad cost ($)", "attributed revenue ($)", "ROAS"], rows);
    }

    internal static string Value(double v) => double.IsFinite(v) ? (Math.Abs(v) >= 100 ? v.ToString("0.0", Inv) : v.ToString("0.0000", Inv)) : "n/a";

    internal static string Percent(double v) => double.IsFinite(v) ? v.ToString("+0.0%;−0.0%;0.0%", Inv) : "n/a";

    internal static string Share(double v) => double.IsFinite(v) ? v.ToString("0.0%", Inv) : "n/a";

    internal static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.0001 ? "<0.0001" : p.ToString("0.0000", Inv);
}
