using System.Globalization;
using CsvHelper;
using RecLab.Simulation.AbTesting;
using RecLab.Simulation.Behaviour;
using RecLab.Simulation.Statistics;

namespace RecLab.Experiments.Results;

/// <summary>
/// The CSV files of one simulated A/B test (in <c>ab/TEST/</c>), tidy and in a fixed order, numbers in invariant
/// round-trip form: daily.csv (each metric so far, per arm and day, with the uplift and both p-values),
/// summary.csv (the final comparison), creators.csv (exposure concentration), users.csv (the per-user counters),
/// regret.csv (cumulative clicks per user lost against the <c>oracle</c> arm, when the test has one).
/// </summary>
internal static class AbResultFiles
{
    public const string Daily = "daily.csv";
    public const string Summary = "summary.csv";
    public const string Creators = "creators.csv";
    public const string Users = "users.csv";
    public const string Section = "section.md";
    public const string Regret = "regret.csv";

    public static IReadOnlyList<string> RegretColumns { get; } = ["day", "arm", "regret_clicks_per_user"];

    public static IReadOnlyList<string> DailyColumns { get; } =
        ["day", "arm", "metric", "value", "ci_low", "ci_high", "uplift", "uplift_low", "uplift_high", "p_value", "always_valid_p"];

    public static IReadOnlyList<string> SummaryColumns { get; } =
    [
        "metric", "arm", "users", "value", "ci_low", "ci_high", "difference", "difference_low", "difference_high", "bootstrap_low",
        "bootstrap_high", "uplift", "uplift_low", "uplift_high", "p_value", "p_holm", "cuped_uplift", "cuped_low", "cuped_high", "cuped_p",
        "cuped_variance_reduction", "always_valid_p", "srm_p",
    ];

    public static IReadOnlyList<string> CreatorColumns { get; } =
        ["arm", "creators", "creators_reached", "coverage", "gini", "top1_share", "creator_payout", "payout_gini", "catalog_coverage"];

    public static IReadOnlyList<string> UserColumns { get; } =
    [
        "arm", "user", "day", "sessions", "impressions", "clicks", "likes", "purchases", "revenue", "margin", "creator_payout", "ad_cost",
        "sponsored_impressions", "sponsored_clicks", "attributed_revenue",
    ];

    public static void WriteDaily(string path, AbReport report) => Write(path, DailyColumns, csv =>
    {
        foreach (var e in report.Daily)
        {
            var c = report.DailyComparisons.FirstOrDefault(x => x.Metric == e.Metric && x.Arm == e.Arm && x.Day == e.Day);
            csv.WriteRecord([Number(e.Day), e.Arm, e.Metric, Number(e.Value), Number(e.Low), Number(e.High),
                Number(c?.RelativeUplift), Number(c?.Low), Number(c?.High), Number(c?.PValue), Number(c?.AlwaysValidPValue)]);
        }
    });

    public static void WriteSummary(string path, AbReport report) => Write(path, SummaryColumns, csv =>
    {
        var srm = report.Srm?.PValue;
        foreach (var e in report.Estimates)
        {
            var c = report.Comparisons.FirstOrDefault(x => x.Metric == e.Metric && x.Arm == e.Arm);
            csv.WriteRecord([e.Metric, e.Arm, Number(e.Users), Number(e.Value), Number(e.Low), Number(e.High),
                Number(c?.Difference), Number(c?.DifferenceLow), Number(c?.DifferenceHigh), Number(c?.BootstrapLow), Number(c?.BootstrapHigh),
                Number(c?.RelativeUplift), Number(c?.RelativeLow), Number(c?.RelativeHigh), Number(c?.PValue), Number(c?.AdjustedPValue),
                Number(c?.CupedRelativeUplift), Number(c?.CupedRelativeLow), Number(c?.CupedRelativeHigh), Number(c?.CupedPValue),
                Number(c?.CupedVarianceReduction), Number(c?.AlwaysValidPValue), Number(srm)]);
        }
    });

    public static void WriteCreators(string path, AbReport report) => Write(path, CreatorColumns, csv =>
    {
        foreach (var c in report.Creators)
            csv.WriteRecord([c.Arm, Number(c.Creators), Number(c.CreatorsReached), Number(c.Coverage), Number(c.Gini), Number(c.Top1PercentShare),
                Number(c.CreatorPayout), Number(c.PayoutGini), Number(c.CatalogCoverage)]);
    });

    /// <summary>Cumulative regret against the oracle arm per arm and day; nothing is written when the test has no oracle arm.</summary>
    public static void WriteRegret(string path, AbReport report)
    {
        if (report.Regret.Count == 0)
            return;
        Write(path, RegretColumns, csv =>
        {
            foreach (var r in report.Regret)
                csv.WriteRecord([Number(r.Day), r.Arm, Number(r.ClicksPerUser)]);
        });
    }

    /// <summary>Every member's counters per test day, and summed over the pre-period as day <c>pre</c> (the CUPED covariate).</summary>
    public static void WriteUsers(string path, AbRun run, Func<string, string>? pseudonym = null) => Write(path, UserColumns, csv =>
    {
        var ids = run.World.UserIds;
        foreach (var arm in run.Arms)
            for (var m = 0; m < arm.Users.Count; m++)
            {
                var id = pseudonym is null ? ids[arm.Users[m]] : pseudonym(ids[arm.Users[m]]);
                if (run.Options.PreDays > 0)
                    csv.WriteRecord(Row(arm.Name, id, "pre", arm.PrePeriod[m]));
                for (var d = 0; d < arm.Days; d++)
                    csv.WriteRecord(Row(arm.Name, id, Number(d), arm.Activity(m, d)));
            }
    });

    private static string[] Row(string arm, string user, string day, in UserActivity a) =>
    [
        arm, user, day, Number(a.Sessions), Number(a.Impressions), Number(a.Clicks), Number(a.Likes), Number(a.Purchases), Number(a.Revenue),
        Number(a.Margin), Number(a.CreatorPayout), Number(a.AdCost), Number(a.SponsoredImpressions), Number(a.SponsoredClicks),
        Number(a.AttributedRevenue),
    ];

    private static void Write(string path, IReadOnlyList<string> columns, Action<CsvWriter> rows) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvWriter.Create(stream, CsvOptions.Writer, leaveOpen: true);
            csv.WriteHeader([.. columns]);
            rows(csv);
        });

    private static string Number(double? value) => CsvOptions.Number(value is { } v && double.IsFinite(v) ? v : null);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
