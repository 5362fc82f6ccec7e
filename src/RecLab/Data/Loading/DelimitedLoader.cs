using System.Globalization;

namespace RecLab.Data.Loading;

/// <summary>Loads anyone's interactions from one delimited file with a column mapping.</summary>
public static class DelimitedLoader
{
    /// <summary>
    /// Loads <paramref name="path"/>. Unset arguments are inferred: the delimiter from the extension
    /// (<c>.tsv</c>/<c>.tab</c>: tab, <c>.dat</c>: <c>::</c>, else comma), a header when the first line has a
    /// non-numeric field, the columns from header names (<see cref="ColumnMapping.Guess"/>) or positions 0..3.
    /// Explicit feedback without a scale gets one inferred from the values seen (min, max, and step 1 or 0.5 when every value fits).
    /// Without a value column, every row is an implicit interaction of weight 1.
    /// </summary>
    public static Dataset Load(string path, ColumnMapping? columns = null, DelimitedFormat? format = null,
        FeedbackKind? kind = null, RatingScale? scale = null, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file.", path);
        format ??= GuessFormat(path);
        var firstLine = FirstLine(path, format);
        if (!format.HasHeader && firstLine.Exists(f => !double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            format = format with { HasHeader = true };
        columns ??= GuessColumns(path, format, firstLine);
        var resolvedKind = kind ?? (scale is not null ? FeedbackKind.Explicit : FeedbackKind.Implicit);
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

    private static List<string> FirstLine(string path, DelimitedFormat format)
    {
        using var reader = new LineReader(path, format.Encoding);
        while (reader.ReadLine(out var line))
            if (!line.IsWhiteSpace())
                return InteractionFileReader.SplitAll(line, format);
        throw new DataFormatException(path, 1, "the file is empty", "a header or user,item[,value[,time]] lines");
    }

    private static ColumnMapping GuessColumns(string path, DelimitedFormat format, List<string> firstLine)
    {
        if (format.HasHeader)
        {
            return ColumnMapping.Guess(firstLine) ?? throw new DataFormatException(path, 1,
                $"cannot tell the user and item columns from the header '{string.Join(format.Delimiter, firstLine)}'",
                "columns named like userId and itemId/movieId", "Give a column mapping, e.g. --columns user=customer,item=sku,value=stars");
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
