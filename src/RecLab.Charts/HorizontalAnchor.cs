using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>Which side of a legend, title or annotation its x position refers to (plotly <c>xanchor</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HorizontalAnchor>))]
public enum HorizontalAnchor
{
    /// <summary>Chosen by plotly.</summary>
    [JsonStringEnumMemberName("auto")]
    Auto,

    /// <summary>The left edge.</summary>
    [JsonStringEnumMemberName("left")]
    Left,

    /// <summary>The center.</summary>
    [JsonStringEnumMemberName("center")]
    Center,

    /// <summary>The right edge.</summary>
    [JsonStringEnumMemberName("right")]
    Right,
}
