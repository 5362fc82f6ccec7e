using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecLab.Charts.Serialization;

/// <summary>The one set of serializer options for plotly.js figure JSON.</summary>
internal static class PlotlyJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);

    public static readonly JsonSerializerOptions IndentedOptions = Create(indented: true);

    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? IndentedOptions : Options);

    /// <summary>
    /// JSON that is safe inside an HTML <c>&lt;script&gt;</c> element: every <c>&lt;</c> (which only occurs inside
    /// JSON strings) becomes <c>\u003c</c>, so no <c>&lt;/script&gt;</c> or <c>&lt;!--</c> can end or confuse the element.
    /// </summary>
    public static string SerializeForScript<T>(T value) => Serialize(value).Replace("<", "\\u003c", StringComparison.Ordinal);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = PlotlyNamingPolicy.Instance,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Readable JSON ("lines+markers", not "lines\u002Bmarkers"); HTML embedding escapes '<' itself.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            TypeInfoResolver = PlotlyJsonContext.Default,
        };
        options.Converters.Add(new FiniteDoubleConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
