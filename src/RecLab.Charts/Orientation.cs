using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>The orientation of bars, boxes or a legend (plotly <c>orientation</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Orientation>))]
public enum Orientation
{
    /// <summary>Vertical.</summary>
    [JsonStringEnumMemberName("v")]
    Vertical,

    /// <summary>Horizontal.</summary>
    [JsonStringEnumMemberName("h")]
    Horizontal,
}
