using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>What hovering shows (layout <c>hovermode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HoverMode>))]
public enum HoverMode
{
    /// <summary>The closest point.</summary>
    [JsonStringEnumMemberName("closest")]
    Closest,

    /// <summary>All points at the same x.</summary>
    [JsonStringEnumMemberName("x")]
    X,

    /// <summary>All points at the same y.</summary>
    [JsonStringEnumMemberName("y")]
    Y,

    /// <summary>All points at the same x in one box.</summary>
    [JsonStringEnumMemberName("x unified")]
    XUnified,

    /// <summary>All points at the same y in one box.</summary>
    [JsonStringEnumMemberName("y unified")]
    YUnified,
}
