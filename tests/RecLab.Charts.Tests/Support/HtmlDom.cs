using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace RecLab.Charts.Tests.Support;

/// <summary>Parses pages the way a browser does (HTML5 tree construction), so tests see what the browser would.</summary>
public static class HtmlDom
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The arguments of a page chart script <c>reclabDraw("id", {...});</c> as JSON: [id, figure].</summary>
    public static JsonArray DrawArguments(IElement script)
    {
        var text = script.TextContent.Trim();
        const string prefix = "reclabDraw(";
        const string suffix = ");";
        Assert.StartsWith(prefix, text);
        Assert.EndsWith(suffix, text);
        // The arguments are two JSON values separated by a comma: as a JSON array they parse back exactly.
        return JsonNode.Parse("[" + text[prefix.Length..^suffix.Length] + "]")!.AsArray();
    }

    /// <summary>A temporary plotly.min.js stand-in: tiny, defines window.Plotly, and holds a marker.</summary>
    public static string FakePlotly(string folder, string body = "window.Plotly = { newPlot: function () {} };")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "plotly.min.js");
        File.WriteAllText(path, "/* FAKE-PLOTLY */ " + body);
        return path;
    }
}
