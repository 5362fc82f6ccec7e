using System.Globalization;

namespace RecLab.Data.Loading;

/// <summary>
/// The one reader behind every interactions file (MovieLens 100K, 1M, CSV and generic): splits lines,
/// checks the column count, parses ids, value and time, validates the value against the feedback kind,
/// and reports each bad line with file and line.
/// </summary>
internal static class InteractionFileReader
{
    public sealed record Spec
    {
        public required DelimitedFormat Format { get; init; }
        public required ColumnMapping Columns { get; init; }
        public required FeedbackKind Kind { get; init; }
        public RatingScale? Scale { get; init; }

        /// <summary>Exact number of columns per line; null: the header's count, else the first line's.</summary>
        public int? ColumnCount { get; init; }

        /// <summary>Human description of a line, for messages (e.g. "userId,movieId,rating,timestamp").</summary>
        public required string LineDescription { get; init; }
    }

    public static void Read(string path, Spec spec, InteractionDataBuilder builder, LoadOptions options, LoadReport report)
    {
        using var reader = new LineReader(path, spec.Format.Encoding);
        var delimiter = spec.Format.Delimiter.AsSpan();
        int userCol = -1, itemCol = -1, valueCol = -1, timeCol = -1;
        var columns = spec.ColumnCount;
        var headerSeen = false;
        // Under the Error policy a repeated pair is a bad line, reported here where its line number is known.
        var firstLineOfPair = options.Duplicates == DuplicatePolicy.Error ? new Dictionary<long, int>() : null;
        long dataLines = 0;

        if (!spec.Format.HasHeader)
            (userCol, itemCol, valueCol, timeCol) = Positions(spec.Columns, null, path, 1);

        Span<int> recentLengths = stackalloc int[RecentLines];

        // Ids usually come grouped by user, so remembering the last one skips most hash lookups.
        Span<char> lastUser = stackalloc char[64];
        var lastUserLength = -1;
        var lastUserIndex = -1;

        while (reader.ReadLine(out var line))
        {
            if (line.IsWhiteSpace())
                continue;
            if (spec.Format.HasHeader && !headerSeen)
            {
                var header = SplitAll(line, spec.Format);
                (userCol, itemCol, valueCol, timeCol) = Positions(spec.Columns, header, path, reader.LineNumber);
                columns ??= header.Count;
                headerSeen = true;
                continue;
            }
            dataLines++;
            // Lengths of the latest data lines: a last line shorter than all of them, without a newline, was likely cut short.
            recentLengths[(int)(dataLines % RecentLines)] = line.Length;
            if (dataLines == CapacitySample)
            {
                // Size the builder from the file once its lines' typical length is known: no regrowth, no copies.
                var estimate = (double)reader.Length / reader.Position * reader.LineNumber * 1.05;
                builder.EnsureCapacity((int)Math.Min(estimate, Array.MaxLength));
            }
            var splitter = new FieldSplitter(line, delimiter, spec.Format.Quoted);
            ReadOnlySpan<char> user = default, item = default, value = default, time = default;
            var count = 0;
            string? error = null;
            var valueColumnStart = 0;
            var timeColumnStart = 0;
            var fieldStart = 0;
            while (true)
            {
                var start = fieldStart = splitter.Column;
                if (!splitter.Next(out var field, out error))
                    break;
                if (count == userCol) user = field;
                else if (count == itemCol) item = field;
                else if (count == valueCol) { value = field; valueColumnStart = start; }
                else if (count == timeCol) { time = field; timeColumnStart = start; }
                count++;
            }
            if (error is not null)
            {
                report.Handle(new DataFormatException(path, reader.LineNumber, error, spec.LineDescription, BadLineHint, fieldStart), options);
                continue;
            }
            columns ??= count;
            if (count != columns)
            {
                report.Handle(new DataFormatException(path, reader.LineNumber,
                    $"found {count} column{(count == 1 ? "" : "s")}", $"{columns}: {spec.LineDescription}", BadLineHint), options);
                continue;
            }
            user = user.Trim();
            item = item.Trim();
            if (user.IsEmpty || item.IsEmpty)
            {
                report.Handle(new DataFormatException(path, reader.LineNumber,
                    user.IsEmpty ? "the user id is empty" : "the item id is empty", spec.LineDescription, BadLineHint), options);
                continue;
            }

            var rating = 1f;
            if (valueCol >= 0 && !TryParseValue(value, spec, out rating, out var valueProblem))
            {
                report.Handle(new DataFormatException(path, reader.LineNumber, valueProblem, ExpectedValue(spec), BadLineHint, valueColumnStart), options);
                continue;
            }
            long? timestamp = null;
            if (timeCol >= 0)
            {
                if (!TryParseTime(time, out var t))
                {
                    report.Handle(new DataFormatException(path, reader.LineNumber,
                        $"timestamp '{time.ToString()}' is not an integer or an ISO 8601 date",
                        "unix seconds, or yyyy-MM-dd[THH:mm:ss[Z]]", BadLineHint, timeColumnStart), options);
                    continue;
                }
                // Every date shown or split on must exist: outside years 1-9999 nothing downstream can represent it.
                if (t < MinUnixSeconds || t > MaxUnixSeconds)
                {
                    report.Handle(new DataFormatException(path, reader.LineNumber,
                        $"timestamp {t} is outside the dates a calendar can show (years 1 to 9999)",
                        $"unix seconds from {MinUnixSeconds} to {MaxUnixSeconds}",
                        "If the column holds milliseconds, convert it to seconds; or skip such lines (--skip-bad-lines, or skip_bad_lines: true in an experiment file)", timeColumnStart), options);
                    continue;
                }
                timestamp = t;
            }

            int userIndex;
            if (user.SequenceEqual(lastUser[..Math.Max(lastUserLength, 0)]) && lastUserLength >= 0)
            {
                userIndex = lastUserIndex;
            }
            else
            {
                userIndex = builder.UserIds.GetOrAdd(user);
                if (user.Length <= lastUser.Length)
                {
                    user.CopyTo(lastUser);
                    lastUserLength = user.Length;
                    lastUserIndex = userIndex;
                }
                else
                {
                    lastUserLength = -1;
                }
            }
            var itemIndex = builder.ItemIds.GetOrAdd(item);
            var pair = ((long)userIndex << 32) | (uint)itemIndex;
            if (firstLineOfPair is not null && !firstLineOfPair.TryAdd(pair, reader.LineNumber))
            {
                report.Handle(new DataFormatException(path, reader.LineNumber,
                    $"user {user.ToString()} and item {item.ToString()} already appear together on line {firstLineOfPair[pair]}",
                    "each (user, item) pair once, as the duplicate policy is Error",
                    "Choose another duplicate policy to merge repeated pairs, or skip such lines (--skip-bad-lines, or skip_bad_lines: true in an experiment file)"), options);
                continue;
            }
            builder.Add(userIndex, itemIndex, rating, timestamp);
        }
        report.LinesRead += dataLines;
        if (reader.LastLineUnterminated && dataLines > 2 && CutShort(recentLengths, (int)(dataLines % RecentLines), (int)Math.Min(dataLines, RecentLines)))
            report.Warn($"{path}:{reader.LineNumber}: the last line has no newline and is shorter than the lines before it " +
                "(the file may have been cut short); it was read as it is");
        if (dataLines == 0)
            throw new DataFormatException(path, Math.Max(reader.LineNumber, 1),
                headerSeen ? "the file has a header but no data lines" : "the file is empty", spec.LineDescription,
                "Check that the download or export finished");
    }

    private const int CapacitySample = 4096;

    private const int RecentLines = 16;

    /// <summary>True when the line at <paramref name="last"/> of the ring is shorter than the other <paramref name="count"/> - 1 lines in it.</summary>
    private static bool CutShort(ReadOnlySpan<int> lengths, int last, int count)
    {
        for (var k = 1; k < count; k++)
            if (lengths[(last - k + RecentLines) % RecentLines] <= lengths[last])
                return false;
        return true;
    }

    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private const string BadLineHint = "Fix the line, or skip malformed lines and count them: --skip-bad-lines (eval, data info) or skip_bad_lines: true (a dataset of an experiment file)";

    private static string ExpectedValue(Spec spec) =>
        spec.Kind == FeedbackKind.Explicit && spec.Scale is { } s
            ? $"a rating in {s}"
            : "a non-negative number";

    private static bool TryParseValue(ReadOnlySpan<char> text, Spec spec, out float value, out string problem)
    {
        problem = "";
        if (!float.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !float.IsFinite(value))
        {
            problem = $"value '{text.ToString()}' is not a number";
            return false;
        }
        if (spec.Kind == FeedbackKind.Explicit && spec.Scale is { } scale && !scale.Contains(value))
        {
            problem = $"rating {value.ToString(CultureInfo.InvariantCulture)} is outside the scale";
            return false;
        }
        if (spec.Kind == FeedbackKind.Implicit && value < 0)
        {
            problem = $"implicit value {value.ToString(CultureInfo.InvariantCulture)} is negative";
            return false;
        }
        return true;
    }

    // Only ISO 8601 shapes: a lenient date parser reads "12.5" as 12 May of the current year.
    private static readonly string[] IsoDates =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    private static bool TryParseTime(ReadOnlySpan<char> text, out long seconds)
    {
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seconds))
            return true;
        if (DateTimeOffset.TryParseExact(text, IsoDates, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            seconds = date.ToUnixTimeSeconds();
            return true;
        }
        return false;
    }

    internal static List<string> SplitAll(ReadOnlySpan<char> line, DelimitedFormat format)
    {
        var fields = new List<string>();
        var splitter = new FieldSplitter(line, format.Delimiter, format.Quoted);
        while (splitter.Next(out var field, out _))
            fields.Add(field.Trim().ToString());
        return fields;
    }

    private static (int User, int Item, int Value, int Time) Positions(ColumnMapping mapping, List<string>? header, string path, int line)
    {
        int Resolve(string? column, string role)
        {
            if (column is null)
                return -1;
            if (ColumnMapping.IsPosition(column, out var position))
                return position;
            if (header is null)
                throw new DataFormatException(path, line, $"the {role} column is named '{column}' but the file has no header",
                    "0-based column numbers for files without a header");
            var k = header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
            if (k < 0)
                throw new DataFormatException(path, line, $"the header has no {role} column '{column}'",
                    $"one of: {string.Join(", ", header)}", "Set the column mapping to the header's names");
            return k;
        }
        var positions = (Resolve(mapping.User, "user"), Resolve(mapping.Item, "item"), Resolve(mapping.Value, "value"), Resolve(mapping.Time, "time"));
        return positions;
    }
}
