using Plotly.NET;

namespace RecLab.Charts;

/// <summary>
/// What C# code needs to restyle charts and Plotly.NET.CSharp 0.14 lacks: a title setter (its F# twin,
/// <c>Plotly.NET.Chart.withTitle</c>, takes every optional parameter explicitly from C#). Everything else is
/// Plotly.NET's own: <c>WithXAxisStyle</c>, <c>WithLegendStyle</c>, <c>Chart.Combine</c>, <c>Chart.Grid</c>.
/// </summary>
/// <example>
/// <code>
/// StandardPlots.MetricBars(estimates).WithTitle("nDCG@10 on ml-100k")
/// </code>
/// </example>
public static class ChartExtensions
{
    /// <summary>The chart with <paramref name="title"/> as its title; where and in which font the title sits is kept.</summary>
    /// <remarks>Like Plotly.NET's own styling functions, this updates the chart's layout object in place and returns the chart.</remarks>
    public static GenericChart WithTitle(this GenericChart chart, string title) => Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
}
