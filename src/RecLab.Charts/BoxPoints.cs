using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>Which sample points a box trace draws beside the box (plotly <c>boxpoints</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BoxPoints>))]
public enum BoxPoints
{
    /// <summary>Every point.</summary>
    [JsonStringEnumMemberName("all")]
    All,

    /// <summary>Points outside the whiskers.</summary>
    [JsonStringEnumMemberName("outliers")]
    Outliers,

    /// <summary>Outliers, with suspected ones highlighted.</summary>
    [JsonStringEnumMemberName("suspectedoutliers")]
    SuspectedOutliers,
}
