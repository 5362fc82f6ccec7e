using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>The dash pattern of a line (plotly <c>dash</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DashStyle>))]
public enum DashStyle
{
    /// <summary>A solid line.</summary>
    [JsonStringEnumMemberName("solid")]
    Solid,

    /// <summary>Dots.</summary>
    [JsonStringEnumMemberName("dot")]
    Dot,

    /// <summary>Dashes.</summary>
    [JsonStringEnumMemberName("dash")]
    Dash,

    /// <summary>Long dashes.</summary>
    [JsonStringEnumMemberName("longdash")]
    LongDash,

    /// <summary>Dashes and dots.</summary>
    [JsonStringEnumMemberName("dashdot")]
    DashDot,

    /// <summary>Long dashes and dots.</summary>
    [JsonStringEnumMemberName("longdashdot")]
    LongDashDot,
}
