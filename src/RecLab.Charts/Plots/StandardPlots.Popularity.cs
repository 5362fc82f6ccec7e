using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace RecLab.Charts.Plots;

public static partial class StandardPlots
{
    /// <summary>At most this many points per long-tail line; log-spaced ranks look the same on a log axis.</summary>
    internal const int LongTailPoints = 400;

    /// <summary>
    /// The popularity long tail of a dataset: interactions per item against the item's popularity rank, log-log.
    /// Items with no interactions are left out (a log axis has no zero).
    /// </summary>
    /// <param name="dataset">The dataset name.</param>
    /// <param name="itemCounts">Interactions per item, in any order.</param>
    public static GenericChart PopularityLongTail(string dataset, IReadOnlyList<double> itemCounts)
    {
        var (ranks, counts) = RankedTail(itemCounts, share: false);
        var tail = Chart.Scatter<int, double, string>(ranks, counts, StyleParam.Mode.Lines, Name: dataset,
                LineColor: PlotStyle.Color(0), LineWidth: 2, Fill: StyleParam.Fill.ToZero_y, FillColor: PlotStyle.Translucent(0, 0.15), UseDefaults: false)
            .Restyle(t => t.With("hovertemplate", "rank %{x}: %{y} interactions<extra></extra>"));
        var xAxis = PlotStyle.Axis("item popularity rank (log)", "log");
        var yAxis = PlotStyle.Axis("interactions (log)", "log");
        return tail.WithLayout(PlotStyle.Layout("Popularity long tail: " + dataset, xAxis, yAxis).With("showlegend", false));
    }

    /// <summary>
    /// Exposure concentration: the dataset's popularity curve beside how often each algorithm recommends each item,
    /// as shares of all interactions / all recommendations against rank, log-log. A steeper, shorter line means
    /// recommendations concentrate on fewer items than users' own behaviour does.
    /// </summary>
    /// <param name="dataset">The dataset's interactions per item.</param>
    /// <param name="recommendations">Per algorithm, how often each item was recommended.</param>
    public static GenericChart ExposureLongTail(NamedValues dataset, IEnumerable<NamedValues> recommendations)
    {
        const string hover = "%{fullData.name}<br>rank %{x}: %{y:.3%}<extra></extra>";
        var (ranks, shares) = RankedTail(dataset.Values, share: true);
        var lines = new List<GenericChart>
        {
            Chart.Line<int, double, string>(ranks, shares, Name: dataset.Name + " (interactions)", LineColor: Color.fromString("#444444"),
                LineWidth: 2.5, LineDash: StyleParam.DrawingStyle.Dash, UseDefaults: false).Restyle(t => t.With("hovertemplate", hover)),
        };
        foreach (var series in recommendations)
        {
            (ranks, shares) = RankedTail(series.Values, share: true);
            lines.Add(Chart.Line<int, double, string>(ranks, shares, Name: series.Name, LineColor: PlotStyle.Color(lines.Count - 1), LineWidth: 2, UseDefaults: false)
                .Restyle(t => t.With("hovertemplate", hover)));
        }

        var xAxis = PlotStyle.Axis("item rank within series (log)", "log");
        var yAxis = PlotStyle.Axis("share of interactions / recommendations (log)", "log");
        return Chart.Combine(lines).WithLayout(PlotStyle.Layout("Exposure concentration: " + dataset.Name, xAxis, yAxis));
    }

    /// <summary>Counts sorted descending (zeros dropped) with their 1-based ranks, thinned to log-spaced ranks.</summary>
    internal static (int[] Ranks, double[] Values) RankedTail(IReadOnlyList<double> counts, bool share)
    {
        var sorted = counts.Where(c => c > 0).OrderByDescending(c => c).ToArray();
        var total = share ? sorted.Sum() : 1.0;
        var ranks = LogSpacedRanks(sorted.Length, LongTailPoints);
        var values = new double[ranks.Length];
        for (var i = 0; i < ranks.Length; i++)
            values[i] = sorted[ranks[i] - 1] / total;
        return (ranks, values);
    }

    /// <summary>
    /// Ranks 1..n when n &lt;= max; otherwise about max ranks spaced evenly in log(rank), always with 1 and n.
    /// </summary>
    internal static int[] LogSpacedRanks(int n, int max)
    {
        if (n <= max)
            return Enumerable.Range(1, n).ToArray();
        var ranks = new List<int>(max);
        var step = Math.Log(n) / (max - 1);
        for (var k = 0; k < max; k++)
        {
            var rank = Math.Clamp((int)Math.Round(Math.Exp(k * step)), 1, n);
            if (ranks.Count == 0 || rank > ranks[^1])
                ranks.Add(rank);
        }

        if (ranks[^1] != n)
            ranks.Add(n);
        return ranks.ToArray();
    }
}
