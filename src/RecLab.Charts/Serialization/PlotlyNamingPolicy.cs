using System.Text.Json;

namespace RecLab.Charts.Serialization;

/// <summary>
/// plotly.js spells attributes in lower case without separators (<c>showlegend</c>, <c>hovertemplate</c>,
/// <c>tickformat</c>), so camel case would write names plotly silently ignores (<c>showLegend</c>).
/// The few attributes with underscores (<c>error_y</c>, <c>paper_bgcolor</c>) carry a <c>JsonPropertyName</c>.
/// </summary>
internal sealed class PlotlyNamingPolicy : JsonNamingPolicy
{
    public static readonly PlotlyNamingPolicy Instance = new();

    public override string ConvertName(string name) => name.ToLowerInvariant();
}
