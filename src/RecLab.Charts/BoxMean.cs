using System.Text.Json.Serialization;
using RecLab.Charts.Serialization;

namespace RecLab.Charts;

/// <summary>Whether a box trace marks the mean (plotly <c>boxmean</c>: <c>true</c> or <c>"sd"</c>).</summary>
[JsonConverter(typeof(BoxMeanConverter))]
public enum BoxMean
{
    /// <summary>A dashed line at the mean (<c>true</c>).</summary>
    Mean,

    /// <summary>The mean and a diamond one standard deviation wide (<c>"sd"</c>).</summary>
    MeanAndStandardDeviation,
}
