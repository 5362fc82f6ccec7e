using System.Text.Json.Serialization;

namespace RecLab.Charts;

/// <summary>How subplots in a layout grid share axes (plotly <c>grid.pattern</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GridPattern>))]
public enum GridPattern
{
    /// <summary>Each subplot has its own x and y axes (x, x2, x3... and y, y2, y3...).</summary>
    [JsonStringEnumMemberName("independent")]
    Independent,

    /// <summary>One x axis per column and one y axis per row.</summary>
    [JsonStringEnumMemberName("coupled")]
    Coupled,
}
