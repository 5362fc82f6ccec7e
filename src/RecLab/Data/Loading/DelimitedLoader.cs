using System.Globalization;

namespace RecLab.Data.Loading;

/// <summary>Loads anyone's interactions from one delimited file with a column mapping.</summary>
public static class DelimitedLoader
{
    /// <summary>
    /// Loads <paramref name="path"/>. Unset arguments are inferred: the delimiter from the extension
    /// (<c>.tsv</c>/<c>.tab</c>: tab, <c>.dat</c>: <c>::</c>, else comma), whether the first line is a header
    /// (see <see cref="LooksLikeHeader"/>), the columns from header names (<see cref="ColumnMapping.Guess"/>) or positions 0..3.
    /// A <paramref name="format"/> that is given is used as it is.
    /// The feedback kind, when not given, is explicit when a scale is given or the header names the value column as
    /// ratings (<see cref="ColumnMapping.ValueNamesRatings"/>), implicit otherwise. Explicit feedback without a scale gets
    /// one inferred from the values seen (min, max, and step 1 or 0.5 when every value fits).
    /// Without a value column, every row is an implicit interaction of weight 1.
    /// </summary>
    public static Dataset Load(string path, ColumnMapping? columns = null, DelimitedFormat? format = null,
        FeedbackKind? kind = null, RatingScale? scale = null, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file.", path);
        var guessed = format is null;
        format ??= GuessFormat(path);
        var lines = FirstLines(path, format, 2);
        var firstLine = lines[0];
        if (guessed && LooksLikeHeader(firstLine, lines.Count > 1 ? lines[1] : null, columns))
            format = format with { HasHeader = true };
        columns ??= GuessColumns(path, format, firstLine);
        // A header that calls its value column a rating makes the file ratings, as `reclab eval --data ratings.csv
        // --algo bias` expects; a third column without a name, or one called weight or count, stays an implicit weight.
        var namesRatings = format.HasHeader && columns.ValueNamesRatings;
        var resolvedKind = kind ?? (scale is not null || namesRatings ? FeedbackKind.Explicit : FeedbackKind.Implicit);
        if (columns.Value is null && resolvedKind == FeedbackKind.Explicit)
            throw new ArgumentException($"{path}: explicit feedback needs a value column in the mapping.", nameof(columns));

        var report = new LoadReport();
        var builder = new InteractionDataBuilder();
        InteractionFileReader.Read(path, new InteractionFileReader.Spec
        {
            Format = format,
            Columns = columns,
            Kind = resolvedKind,
            Scale = scale,
            LineDescription = Describe(columns, format),
        }, builder, options, report);

        var users = builder.UserIds.Build();
        var items = builder.ItemIds.Build();
        // An explicit scale that was not given is inferred after duplicates are resolved.
        var data = builder.Build(FeedbackKind.Implicit, null, options.Duplicates, users, items, out var duplicates);
        if (resolvedKind == FeedbackKind.Explicit)
            data = data.WithKind(FeedbackKind.Explicit, scale ?? InferScale(data.ValueColumn));
        report.Duplicates = duplicates;
        return new Dataset(Path.GetFileNameWithoutExtension(path), data, report: report, source: path);
    }

    internal static RatingScale InferScale(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
            return new RatingScale(0, 0, 0);
        float min = float.MaxValue, max = float.MinValue;
        bool whole = true, halves = true;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            whole &= v == MathF.Round(v);
            halves &= v * 2 == MathF.Round(v * 2);
        }
        return new RatingScale(min, max, whole ? 1f : halves ? 0.5f : 0f);
    }

    private static DelimitedFormat GuessFormat(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".tsv" or ".tab" => DelimitedFormat.Tsv,
            ".dat" => new DelimitedFormat { Delimiter = "::" },
            _ => DelimitedFormat.Csv with { HasHeader = false },
        };

    private static List<List<string>> FirstLines(string path, DelimitedFormat format, int count)
    {
        var lines = new List<List<string>>(count);
        using var reader = new LineReader(path, format.Encoding);
        while (lines.Count < count && reader.ReadLine(out var line))
            if (!line.IsWhiteSpace())
                lines.Add(InteractionFileReader.SplitAll(line, format));
        if (lines.Count == 0)
            throw new DataFormatException(path, 1, "the file is empty", "a header or user,item[,value[,time]] lines");
        return lines;
    }

    /// <summary>
    /// Whether the first line names columns. Never when every field is a number. With a mapping by position, only when
    /// a column that is numeric on the second line is not on the first (string ids are common in headerless files).
    /// Otherwise a header, so that unrecognised names lead to a request for a mapping rather than to names read as ids.
    /// </summary>
    internal static bool LooksLikeHeader(List<string> first, List<string>? second, ColumnMapping? columns)
    {
        if (first.TrueForAll(IsNumber))
            return false;
        if (columns is null || !columns.IsPositional)
            return true;
        if (second is null)
            return false;
        for (var k = 0; k < Math.Min(first.Count, second.Count); k++)
            if (!IsNumber(first[k]) && IsNumber(second[k]))
                return true;
        return false;
    }

    private static bool IsNumber(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static ColumnMapping GuessColumns(string path, DelimitedFormat format, List<string> firstLine)
    {
        if (format.HasHeader)
        {
            return ColumnMapping.Guess(firstLine) ?? throw new DataFormatException(path, 1,
                $"cannot tell the user and item columns from the header '{string.Join(format.Delimiter, firstLine)}'",
                "columns named like userId and itemId/movieId", "Name the columns in an experiment file: datasets: [{name: mine, csv: {path: FILE, columns: {user: customer, item: sku, value: stars}}}]");
        }
        return firstLine.Count switch
        {
            2 => new ColumnMapping { User = "0", Item = "1", Value = null },
            3 => new ColumnMapping { User = "0", Item = "1", Value = "2" },
            _ => ColumnMapping.Positional,
        };
    }

    private static string Describe(ColumnMapping c, DelimitedFormat f)
    {
        var parts = new List<string> { $"user={c.User}", $"item={c.Item}" };
        if (c.Value is not null) parts.Add($"value={c.Value}");
        if (c.Time is not null) parts.Add($"time={c.Time}");
        return $"'{f.Delimiter}'-separated fields with {string.Join(", ", parts)}";
    }
}
