using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>How a scatter trace draws its points (plotly <c>mode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScatterMode>))]
public enum ScatterMode
{
    /// <summary>Lines only.</summary>
    [JsonStringEnumMemberName("lines")]
    Lines,

    /// <summary>Markers only.</summary>
    [JsonStringEnumMemberName("markers")]
    Markers,

    /// <summary>Lines and markers.</summary>
    [JsonStringEnumMemberName("lines+markers")]
    LinesMarkers,

    /// <summary>Markers with their text labels.</summary>
    [JsonStringEnumMemberName("markers+text")]
    MarkersText,

    /// <summary>Text labels only.</summary>
    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary>Nothing (hover only).</summary>
    [JsonStringEnumMemberName("none")]
    None,
}
