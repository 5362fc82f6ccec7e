using CsvHelper;

namespace RecLab.Experiments.Results;

/// <summary>The CSV dialect of every file RecLab writes: RFC 4180 quoting, LF line ends (identical bytes on every OS), UTF-8 without BOM.</summary>
internal static class CsvOptions
{
    public static CsvWriterOptions Writer { get; } = new() { NewLine = "\n", WriteByteOrderMark = false };

    public static CsvReaderOptions Reader { get; } = new() { HasHeader = true };

    /// <summary>Invariant round-trip text of a value (the same double reads back); empty for null.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "";
}
