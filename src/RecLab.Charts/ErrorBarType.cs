using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>How error bar lengths are given (plotly <c>error_y.type</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ErrorBarType>))]
public enum ErrorBarType
{
    /// <summary>Explicit lengths in <c>array</c> and <c>arrayminus</c>.</summary>
    [JsonStringEnumMemberName("data")]
    Data,

    /// <summary>A percentage of each value.</summary>
    [JsonStringEnumMemberName("percent")]
    Percent,

    /// <summary>One length for all.</summary>
    [JsonStringEnumMemberName("constant")]
    Constant,

    /// <summary>The square root of each value.</summary>
    [JsonStringEnumMemberName("sqrt")]
    Sqrt,
}
