using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>The normalization of a histogram (plotly <c>histnorm</c>); unset means counts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HistNorm>))]
public enum HistNorm
{
    /// <summary>Percent of all samples.</summary>
    [JsonStringEnumMemberName("percent")]
    Percent,

    /// <summary>Fraction of all samples.</summary>
    [JsonStringEnumMemberName("probability")]
    Probability,

    /// <summary>Count divided by bin width.</summary>
    [JsonStringEnumMemberName("density")]
    Density,

    /// <summary>Fraction divided by bin width: the area is 1.</summary>
    [JsonStringEnumMemberName("probability density")]
    ProbabilityDensity,
}
