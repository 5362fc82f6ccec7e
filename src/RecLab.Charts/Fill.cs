using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>Area filling of a scatter trace (plotly <c>fill</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Fill>))]
public enum Fill
{
    /// <summary>No fill.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Fill down to y = 0.</summary>
    [JsonStringEnumMemberName("tozeroy")]
    ToZeroY,

    /// <summary>Fill across to x = 0.</summary>
    [JsonStringEnumMemberName("tozerox")]
    ToZeroX,

    /// <summary>Fill to the previous trace's y values: a confidence band is a lower trace followed by an upper trace with this fill.</summary>
    [JsonStringEnumMemberName("tonexty")]
    ToNextY,

    /// <summary>Fill to the previous trace's x values.</summary>
    [JsonStringEnumMemberName("tonextx")]
    ToNextX,

    /// <summary>Close the trace and fill the shape.</summary>
    [JsonStringEnumMemberName("toself")]
    ToSelf,
}
