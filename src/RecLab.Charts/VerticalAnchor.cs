using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>Which side of a legend or annotation its y position refers to (plotly <c>yanchor</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerticalAnchor>))]
public enum VerticalAnchor
{
    /// <summary>Chosen by plotly.</summary>
    [JsonStringEnumMemberName("auto")]
    Auto,

    /// <summary>The top edge.</summary>
    [JsonStringEnumMemberName("top")]
    Top,

    /// <summary>The middle.</summary>
    [JsonStringEnumMemberName("middle")]
    Middle,

    /// <summary>The bottom edge.</summary>
    [JsonStringEnumMemberName("bottom")]
    Bottom,
}
