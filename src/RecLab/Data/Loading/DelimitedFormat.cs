using System.Text;

namespace RecLab.Data.Loading;

/// <summary>The text layout of a delimited file.</summary>
public sealed record DelimitedFormat
{
    /// <summary>Comma-separated with a header row and RFC 4180 quotes, UTF-8 (MovieLens latest, 25M, 32M).</summary>
    public static DelimitedFormat Csv { get; } = new() { Delimiter = ",", HasHeader = true, Quoted = true };

    /// <summary>Tab-separated without a header, UTF-8.</summary>
    public static DelimitedFormat Tsv { get; } = new() { Delimiter = "\t" };

    /// <summary>Field delimiter; several characters are allowed (MovieLens 1M uses <c>::</c>).</summary>
    public string Delimiter { get; init; } = ",";

    /// <summary>The first line names the columns.</summary>
    public bool HasHeader { get; init; }

    /// <summary>Fields may be wrapped in double quotes.</summary>
    public bool Quoted { get; init; }

    /// <summary>Text encoding; decoding errors are reported with file and line.</summary>
    public Encoding Encoding { get; init; } = new UTF8Encoding(false);
}
