using System.Net;

namespace RecLab.Charts.Html;

/// <summary>HTML escaping for text placed between tags or in attribute values.</summary>
internal static class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
