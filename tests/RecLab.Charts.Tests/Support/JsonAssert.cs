using System.Text.Json;
using System.Text.Json.Nodes;
using Plotly.NET;

namespace RecLab.Charts.Tests.Support;

/// <summary>Compares JSON by meaning (parsed trees), never by string: key order and number spelling do not matter.</summary>
public static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Equal(string expectedJson, string actualJson)
    {
        var expected = JsonNode.Parse(expectedJson);
        var actual = JsonNode.Parse(actualJson);
        if (!JsonNode.DeepEquals(expected, actual))
            Assert.Fail($"JSON differs.\nExpected:\n{expected?.ToJsonString(Indented)}\nActual:\n{actual?.ToJsonString(Indented)}");
    }

    /// <summary>The chart's plotly.js figure as Plotly.NET serializes it: <c>{"data": [...], "layout": {...}, "frames": []}</c>.</summary>
    public static JsonObject Parse(GenericChart chart) => JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();

    public static string Indent(JsonNode node) => node.ToJsonString(Indented);
}
