using FsCheck;
using FsCheck.Fluent;
using RecLab.Data.Loading;
using RecLab.Tests.Support;

namespace RecLab.Tests.Data.Loading;

public sealed class FieldSplitterTests
{
    private static (List<string> Fields, string? Error) Split(string line, string delimiter, bool quoted = true)
    {
        var fields = new List<string>();
        var splitter = new FieldSplitter(line, delimiter, quoted);
        string? error;
        while (splitter.Next(out var field, out error))
            fields.Add(field.ToString());
        return (fields, error);
    }

    [Theory]
    [InlineData("a,b,c", ",", new[] { "a", "b", "c" })]
    [InlineData("a,,c,", ",", new[] { "a", "", "c", "" })]
    [InlineData("", ",", new[] { "" })]
    [InlineData("1::Toy Story (1995)::Animation|Comedy", "::", new[] { "1", "Toy Story (1995)", "Animation|Comedy" })]
    [InlineData("11,\"American President, The (1995)\",Comedy", ",", new[] { "11", "American President, The (1995)", "Comedy" })]
    [InlineData("1,\"He said \"\"hi\"\", then left\",x", ",", new[] { "1", "He said \"hi\", then left", "x" })]
    [InlineData("\"\",\"\"\"\"", ",", new[] { "", "\"" })]
    [InlineData("a\"b,c", ",", new[] { "a\"b", "c" })]
    public void Splits_fields_and_unescapes_quotes(string line, string delimiter, string[] expected)
    {
        var (fields, error) = Split(line, delimiter);
        Assert.Null(error);
        Assert.Equal(expected, fields);
    }

    [Fact]
    public void Quotes_are_plain_text_when_quoting_is_off()
    {
        var (fields, error) = Split("\"a\tb\"\tc", "\t", quoted: false);
        Assert.Null(error);
        Assert.Equal(["\"a", "b\"", "c"], fields);
    }

    [Theory]
    [InlineData("1,\"unterminated,2", "a quoted field is not closed")]
    [InlineData("1,\"closed\"x,2", "text follows a closing quote")]
    public void Reports_broken_quoting(string line, string message)
    {
        var (_, error) = Split(line, ",");
        Assert.Equal(message, error);
    }

    [Fact]
    public void Column_points_at_the_start_of_the_next_field()
    {
        var splitter = new FieldSplitter("ab,\"c,d\",e", ",", true);
        var starts = new List<int>();
        while (true)
        {
            var start = splitter.Column;
            if (!splitter.Next(out _, out _))
                break;
            starts.Add(start);
        }
        Assert.Equal([1, 4, 10], starts);
    }

    // Characters that stress the quoting rules: delimiters of every kind, quotes, spaces, non-ASCII.
    private static readonly Gen<string> Field =
        Gen.ArrayOf(Gen.Elements(',', '\t', ':', '|', '"', ' ', 'a', 'Z', '9', 'é', '字')).Select(cs => new string(cs));

    private static string Encode(string field, string delimiter, bool forceQuotes)
    {
        var needsQuotes = forceQuotes || field.Contains('"') || field.AsSpan().IndexOfAny(delimiter) >= 0;
        return needsQuotes ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }

    [Fact]
    public void Round_trips_rfc_4180_quoted_fields() =>
        Properties.Check(
            from delimiter in Gen.Elements(",", "\t", "|", "::")
            from fields in Gen.NonEmptyListOf(Field)
            from quoteAll in Gen.Elements(true, false)
            select (delimiter, fields, quoteAll),
            input =>
            {
                var line = string.Join(input.delimiter, input.fields.Select(f => Encode(f, input.delimiter, input.quoteAll)));
                var (fields, error) = Split(line, input.delimiter);
                Assert.Null(error);
                Assert.Equal(input.fields, fields);
            }, seed: 4180UL, tests: 300);
}
