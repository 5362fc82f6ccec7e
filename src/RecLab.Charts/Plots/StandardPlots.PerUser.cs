using System.Globalization;
using Plotly.NET;
using Plotly.NET.TraceObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace RecLab.Charts.Plots;

public static partial class StandardPlots
{
    /// <summary>From this share of users at exactly 0 on, boxes show the users above 0 (below it the median is above 0 and boxes read well).</summary>
    internal const double ZeroHeavyShare = 0.5;

    /// <summary>
    /// The distribution of a per-user metric, one box per algorithm (the dashed line is the mean). Top-N metrics are
    /// 0 for every user whose list holds none of their test items, often most users on a temporal split, and a box
    /// over them collapses into a line at 0. So when half or more of some algorithm's users score exactly 0, each box
    /// shows the users above 0 and its name says what share of users that is: how many users an algorithm serves at
    /// all, and how well it serves them.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="perUser">Per algorithm, the metric of each user; NaN values (users without a test item) are left out.</param>
    public static GenericChart PerUserDistribution(string metric, IEnumerable<NamedValues> perUser)
    {
        var series = perUser.Select(s => (s.Name, Values: s.Values.Where(double.IsFinite).ToArray())).ToList();
        var zeroHeavy = series.Any(s => s.Values.Length > 0 && s.Values.Count(v => v == 0) >= ZeroHeavyShare * s.Values.Length);
        var boxes = series.Select(s =>
        {
            var shown = zeroHeavy ? s.Values.Where(v => v > 0).ToArray() : s.Values;
            var name = zeroHeavy ? s.Name + "<br>" + Share(shown.Length, s.Values.Length) + " above 0" : s.Name;
            return Chart.BoxPlot<string, double, string>(Y: shown, Name: name, BoxMean: StyleParam.BoxMean.True,
                    BoxPoints: StyleParam.BoxPoints.Outliers, UseDefaults: false)
                .Restyle(t => t.With("marker", new Marker().With("size", 3).With("opacity", 0.6)));
        });
        var xAxis = PlotStyle.Axis("algorithm", "category");
        var yAxis = PlotStyle.Axis(metric + " per user" + (zeroHeavy ? " (users above 0)" : ""));
        var title = zeroHeavy ? $"Per-user {metric}: users above 0" : "Per-user " + metric;
        return Chart.Combine(boxes).WithLayout(PlotStyle.Layout(title, xAxis, yAxis).With("showlegend", false));
    }

    /// <summary>A share as a whole percentage, or with one decimal below 10% (so 0.4% does not read as 0%).</summary>
    private static string Share(int part, int whole)
    {
        var share = whole == 0 ? 0 : 100.0 * part / whole;
        return share.ToString(share is > 0 and < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + "%";
    }
}
