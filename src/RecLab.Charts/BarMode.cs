using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>How bars at the same location are drawn (layout <c>barmode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BarMode>))]
public enum BarMode
{
    /// <summary>Side by side.</summary>
    [JsonStringEnumMemberName("group")]
    Group,

    /// <summary>Stacked.</summary>
    [JsonStringEnumMemberName("stack")]
    Stack,

    /// <summary>On top of each other.</summary>
    [JsonStringEnumMemberName("overlay")]
    Overlay,

    /// <summary>Stacked, negatives below zero.</summary>
    [JsonStringEnumMemberName("relative")]
    Relative,
}
