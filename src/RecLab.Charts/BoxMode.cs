using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>How boxes at the same location are drawn (layout <c>boxmode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BoxMode>))]
public enum BoxMode
{
    /// <summary>Side by side.</summary>
    [JsonStringEnumMemberName("group")]
    Group,

    /// <summary>On top of each other.</summary>
    [JsonStringEnumMemberName("overlay")]
    Overlay,
}
