using Microsoft.FSharp.Core;
using Plotly.NET;

namespace RecLab.Charts.Plots;

/// <summary>
/// plotly.js attributes that Plotly.NET.CSharp has no parameter for (asymmetric error bars, hover templates, legend
/// groups, tick spacing, annotations, ...). Plotly.NET's own F# functions have them, but their optional parameters
/// are all required when called from C#; its objects are dynamic, so the attribute is set on Plotly.NET's own trace
/// and layout objects, which Plotly.NET then serializes like any other.
/// </summary>
internal static class PlotlyAttributes
{
    /// <summary>Sets <paramref name="attribute"/> (plotly.js's name) unless <paramref name="value"/> is null.</summary>
    public static T With<T>(this T target, string attribute, object? value)
        where T : DynamicObj.DynamicObj
    {
        if (value is not null)
            target.SetProperty(attribute, value);
        return target;
    }

    /// <summary>Applies <paramref name="style"/> to every trace of the chart.</summary>
    public static GenericChart Restyle(this GenericChart chart, Action<Trace> style) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            style(trace);
            return trace;
        }), chart);

    /// <summary>Applies <paramref name="style"/> to every trace of the chart with the trace's index.</summary>
    public static GenericChart Restyle(this GenericChart chart, Action<int, Trace> style) =>
        GenericChart.mapiTrace(FuncConvert.FromFunc<int, Trace, Trace>((index, trace) =>
        {
            style(index, trace);
            return trace;
        }), chart);

    /// <summary>The chart with <paramref name="layout"/> in place of its own.</summary>
    public static GenericChart WithLayout(this GenericChart chart, Layout layout) => GenericChart.setLayout(layout, chart);

    /// <summary>Numbers for plotly: NaN becomes null, which plotly draws as a gap (Plotly.NET would write the string "NaN").</summary>
    public static IConvertible[] Gaps(IEnumerable<double> values) => [.. values.Select(v => double.IsNaN(v) ? null! : (IConvertible)v)];
}
