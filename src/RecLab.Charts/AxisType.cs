using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>The scale of an axis (plotly <c>type</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AxisType>))]
public enum AxisType
{
    /// <summary>A linear scale.</summary>
    [JsonStringEnumMemberName("linear")]
    Linear,

    /// <summary>A base-10 logarithmic scale; its range is given in log10 units.</summary>
    [JsonStringEnumMemberName("log")]
    Log,

    /// <summary>Evenly spaced labels.</summary>
    [JsonStringEnumMemberName("category")]
    Category,

    /// <summary>Dates and times.</summary>
    [JsonStringEnumMemberName("date")]
    Date,
}
