using System.Globalization;

namespace RecLab.Notebooks;

/// <summary>
/// A result a notebook recorded with <see cref="Notebook.Record(string, double)"/>, as its output shows it: text
/// (<c>ndcg@10 = 0.321</c>) and a scrapbook scrap (<see cref="ScrapMimeType"/>), the form Microsoft Recommenders'
/// notebook tests read with papermill and scrapbook, so a committed notebook carries its figures machine-readably.
/// </summary>
/// <param name="Name">The result's name, e.g. <c>ndcg@10</c>.</param>
/// <param name="Value">A <see cref="double"/> or a <see cref="string"/>.</param>
public sealed record RecordedResult(string Name, object Value)
{
    /// <summary>scrapbook's MIME type for a JSON-encoded scrap.</summary>
    public const string ScrapMimeType = "application/scrapbook.scrap.json+json";

    /// <summary>The value as shown: numbers with up to six decimals, invariant culture.</summary>
    public string ValueText => Value is double d ? d.ToString("0.######", CultureInfo.InvariantCulture) : Value.ToString() ?? "";

    /// <summary><c>name = value</c>.</summary>
    public override string ToString() => $"{Name} = {ValueText}";
}
