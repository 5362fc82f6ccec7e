using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace RecLab.Charts.Plots;

public static partial class StandardPlots
{
    /// <summary>
    /// A metric over a two-parameter grid as a heatmap with the value written in each cell; parameter values are
    /// categories, so uneven grids (0.001, 0.01, 0.1) are evenly spaced.
    /// </summary>
    /// <exception cref="ArgumentException">The value grid does not have one row per y value and one column per x value.</exception>
    /// <param name="scores">The grid's values.</param>
    /// <param name="title">The chart title; by default "METRIC over X × Y".</param>
    public static GenericChart GridSearchHeatmap(GridSearchScores scores, string? title = null)
    {
        if (scores.Values.Count != scores.YValues.Count)
            throw new ArgumentException($"Grid search '{scores.Metric}' has {scores.YValues.Count} {scores.YName} values but {scores.Values.Count} rows.", nameof(scores));
        for (var row = 0; row < scores.Values.Count; row++)
        {
            if (scores.Values[row].Count != scores.XValues.Count)
                throw new ArgumentException($"Grid search '{scores.Metric}' row {row + 1} ({scores.YName} = {scores.YValues[row]}) has {scores.Values[row].Count} cells but there are {scores.XValues.Count} {scores.XName} values.", nameof(scores));
        }

        var heatmap = Chart.Heatmap<IConvertible, string, string, string>(scores.Values.Select(PlotlyAttributes.Gaps).ToArray(),
                X: scores.XValues.ToArray(), Y: scores.YValues.ToArray(), Name: scores.Metric, ColorScale: StyleParam.Colorscale.Viridis, UseDefaults: false)
            .Restyle(t => t
                .With("colorbar", new ColorBar().With("title", new Title().With("text", scores.Metric)))
                .With("texttemplate", "%{z:.4f}")
                .With("hovertemplate", scores.XName + " = %{x}<br>" + scores.YName + " = %{y}<br>" + scores.Metric + " = %{z:.4f}<extra></extra>"));
        var xAxis = PlotStyle.Axis(scores.XName, "category").With("showgrid", false);
        var yAxis = PlotStyle.Axis(scores.YName, "category").With("showgrid", false);
        return heatmap.WithLayout(PlotStyle.Layout(title ?? scores.Metric + " over " + scores.XName + " \u00d7 " + scores.YName, xAxis, yAxis));
    }
}
