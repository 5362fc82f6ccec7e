using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>How an automatic axis range is extended (plotly <c>rangemode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RangeMode>))]
public enum RangeMode
{
    /// <summary>Fit the data.</summary>
    [JsonStringEnumMemberName("normal")]
    Normal,

    /// <summary>Always include zero.</summary>
    [JsonStringEnumMemberName("tozero")]
    ToZero,

    /// <summary>Never go below zero.</summary>
    [JsonStringEnumMemberName("nonnegative")]
    NonNegative,
}
