namespace RecLab.Data.Loading;

/// <summary>Reads small delimited metadata files (items, users, tags) line by line into field lists.</summary>
internal static class MetadataFileReader
{
    /// <summary>
    /// Calls <paramref name="onLine"/> with the 1-based line number and the fields of every data line that has
    /// exactly <paramref name="columns"/> fields; other lines go to the report (or throw) as bad lines.
    /// <paramref name="onLine"/> may throw <see cref="DataFormatException"/> for a field it cannot parse.
    /// </summary>
    public static void Read(string path, DelimitedFormat format, int columns, string description,
        LoadOptions options, LoadReport report, Action<int, List<string>> onLine)
    {
        using var reader = new LineReader(path, format.Encoding);
        var headerSeen = !format.HasHeader;
        var fields = new List<string>(columns);
        while (reader.ReadLine(out var line))
        {
            if (line.IsWhiteSpace())
                continue;
            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }
            fields.Clear();
            var splitter = new FieldSplitter(line, format.Delimiter, format.Quoted);
            string? error;
            var fieldStart = splitter.Column;
            while (splitter.Next(out var field, out error))
            {
                fields.Add(field.ToString());
                fieldStart = splitter.Column;
            }
            try
            {
                if (error is not null)
                    throw new DataFormatException(path, reader.LineNumber, error, description, column: fieldStart);
                if (fields.Count != columns)
                    throw new DataFormatException(path, reader.LineNumber, $"found {fields.Count} columns", $"{columns}: {description}",
                        "Fix the line, or skip malformed lines (--skip-bad-lines, or skip_bad_lines: true in an experiment file)");
                onLine(reader.LineNumber, fields);
            }
            catch (DataFormatException e)
            {
                report.Handle(e, options);
            }
        }
    }
}
