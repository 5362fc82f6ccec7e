using System.Text;
using RecLab.Data;
using RecLab.Data.Loading;
using RecLab.Tests.Support;

namespace RecLab.Tests.Data.Loading;

/// <summary>Every kind of malformed input fails with a message that starts <c>file:line[:column]:</c>.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string RatingsHeader = "userId,movieId,rating,timestamp\n";

    /// <summary>A MovieLens CSV folder whose ratings.csv is <paramref name="ratings"/> (and movies.csv when given).</summary>
    private string CsvFolder(string ratings, string? movies = null) => CsvFolder(Encoding.UTF8.GetBytes(ratings), movies);

    private string CsvFolder(byte[] ratings, string? movies = null)
    {
        _temp.WriteBytes("ml/ratings.csv", ratings);
        if (movies is not null)
            _temp.Write("ml/movies.csv", movies);
        return _temp["ml"];
    }

    private static DataFormatException Fails(Action load, string file, int line, int? column = null, string? problem = null)
    {
        var e = Assert.Throws<DataFormatException>(load);
        Assert.Equal(file, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.StartsWith(column is null ? $"{file}:{line}: " : $"{file}:{line}:{column}: ", e.Message);
        if (problem is not null)
            Assert.Contains(problem, e.Message);
        return e;
    }

    private DataFormatException CsvFails(string ratings, int line, int? column = null, string? problem = null, string? movies = null)
    {
        var folder = CsvFolder(ratings, movies);
        return Fails(() => MovieLensLoader.Load(folder), Path.Combine(folder, "ratings.csv"), line, column, problem);
    }

    [Fact]
    public void Wrong_column_count()
    {
        var e = CsvFails(RatingsHeader + "1,1,4.0,964982703\n1,2,3.0\n", 3, problem: "found 3 columns");
        Assert.Contains("expected 4: userId,movieId,rating,timestamp", e.Message);
        Assert.Contains("--skip-bad-lines", e.Message);

        var ml100k = MovieLensFixtures.MovieLens100K().WriteTo(_temp["100k"]);
        File.AppendAllText(Path.Combine(ml100k, "u.data"), "1\t2\t3\t4\t5\n");
        Fails(() => MovieLensLoader.Load(ml100k), Path.Combine(ml100k, "u.data"), 6, problem: "found 5 columns");

        var ml1m = MovieLensFixtures.MovieLens1M().WriteTo(_temp["1m"]);
        File.AppendAllText(Path.Combine(ml1m, "users.dat"), "3::M::25\n");
        Fails(() => MovieLensLoader.Load(ml1m), Path.Combine(ml1m, "users.dat"), 3, problem: "found 3 columns");
    }

    [Fact]
    public void Line_numbers_count_blank_lines_and_crlf_endings() =>
        CsvFails(RatingsHeader + "1,1,4.0,964982703\r\n\r\n\n1,2,x,964982703\r\n", 5, 5, "value 'x' is not a number");

    [Theory]
    [InlineData("99999999999999")]
    [InlineData("253402300800")]
    [InlineData("-62135596801")]
    public void Timestamps_outside_years_1_to_9999_are_refused_where_they_are(string timestamp)
    {
        // They loaded, then 'data info' failed without a location ("Valid values are between -62135596800 and 253402300799").
        var e = CsvFails(RatingsHeader + $"1,1,4.0,964982703\n1,3,5.0,{timestamp}\n", 3, 9, $"timestamp {timestamp} is outside the dates a calendar can show");

        Assert.Contains("(expected unix seconds from -62135596800 to 253402300799). If the column holds milliseconds, convert it to seconds", e.Message);
    }

    [Fact]
    public void The_extreme_timestamps_that_exist_load()
    {
        var folder = CsvFolder(RatingsHeader + "1,1,4.0,-62135596800\n1,3,5.0,253402300799\n");

        Assert.Equal(2, MovieLensLoader.Load(folder).Interactions.Count);
    }

    [Fact]
    public void A_last_line_without_a_newline_and_shorter_than_the_others_is_read_with_a_warning()
    {
        // '7,466,5.0,11066' became a 1970 timestamp without a word.
        var cut = MovieLensLoader.Load(CsvFolder(RatingsHeader + "1,1,4.0,964982703\n1,3,5.0,964982704\n7,466,5.0,11066"));
        Assert.Equal(3, cut.Interactions.Count);
        Assert.Equal([$"{_temp["ml/ratings.csv"]}:4: the last line has no newline and is shorter than the lines before it (the file may have been cut short); it was read as it is"],
            cut.Report.Warnings);

        // Ended by a newline, or as long as its neighbours: nothing to say.
        Assert.Empty(MovieLensLoader.Load(CsvFolder(RatingsHeader + "1,1,4.0,964982703\n1,3,5.0,964982704\n7,466,5.0,11066\n")).Report.Warnings);
        Assert.Empty(MovieLensLoader.Load(CsvFolder(RatingsHeader + "1,1,4.0,964982703\n1,3,5.0,964982704\n7,466,5.0,964982705")).Report.Warnings);
    }

    [Fact]
    public void Non_numeric_rating() =>
        CsvFails(RatingsHeader + "1,1,4.0,964982703\n12,34,four,964982703\n", 3, 7, "value 'four' is not a number");

    [Theory]
    [InlineData("6.0", "rating 6 is outside the scale")]
    [InlineData("0", "rating 0 is outside the scale")]
    [InlineData("3.3", "rating 3.3 is outside the scale")]
    [InlineData("NaN", "value 'NaN' is not a number")]
    public void Rating_outside_the_declared_scale(string rating, string problem)
    {
        var e = CsvFails(RatingsHeader + $"1,1,{rating},964982703\n", 2, 5, problem);
        Assert.Contains("expected a rating in 0.5–5 step 0.5", e.Message);
    }

    [Fact]
    public void Rating_outside_the_100k_scale()
    {
        var folder = MovieLensFixtures.MovieLens100K().WriteTo(_temp["100k"]);
        File.WriteAllText(Path.Combine(folder, "u.data"), "196\t1\t3\t881250949\n196\t2\t4.5\t881250949\n");
        Fails(() => MovieLensLoader.Load(folder), Path.Combine(folder, "u.data"), 2, 7, "rating 4.5 is outside the scale");
    }

    [Fact]
    public void Invalid_utf8_bytes()
    {
        // 0xFF never occurs in UTF-8. The column counts characters: "é" before it is one character in two bytes.
        var ratings = new List<byte>(Encoding.UTF8.GetBytes(RatingsHeader + "1,1,4.0,964982703\n1,\u00e9"));
        ratings.Add(0xFF);
        ratings.AddRange(Encoding.UTF8.GetBytes("2,3.0,964982703\n"));
        var folder = CsvFolder(ratings.ToArray());
        var e = Fails(() => MovieLensLoader.Load(folder), Path.Combine(folder, "ratings.csv"), 3, 4, "0xFF is not valid utf-8");
        Assert.Contains("Latin-1", e.Message);

        // A Latin-1 title in a UTF-8 file: 0xE9 followed by a space is not a UTF-8 sequence.
        _temp.WriteBytes("ml/movies.csv", [.. "movieId,title,genres\n1,Caf"u8, 0xE9, .. " (1995),Comedy\n"u8]);
        Fails(() => MovieLensLoader.Load(folder), Path.Combine(folder, "movies.csv"), 2, 6, "0xE9 is not valid utf-8");
    }

    [Fact]
    public void Empty_file()
    {
        CsvFails("", 1, problem: "the file is empty");
        var path = _temp.Write("empty.tsv", "");
        Fails(() => DelimitedLoader.Load(path), path, 1, problem: "the file is empty");
    }

    [Fact]
    public void Header_only_file() =>
        CsvFails(RatingsHeader, 1, problem: "the file has a header but no data lines");

    [Fact]
    public void Unterminated_quote()
    {
        CsvFails(RatingsHeader + "1,\"1,4.0,964982703\n", 2, 3, "a quoted field is not closed");
        CsvFails(RatingsHeader + "1,\"1\"2,4.0,964982703\n", 2, 3, "text follows a closing quote");

        var folder = CsvFolder(RatingsHeader + "1,1,4.0,964982703\n",
            "movieId,title,genres\n1,Toy Story (1995),Comedy\n5,\"Broken title,Comedy\n");
        Fails(() => MovieLensLoader.Load(folder), Path.Combine(folder, "movies.csv"), 3, 3, "a quoted field is not closed");
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("soon")]
    [InlineData("1e9")]
    [InlineData("2024-13-01")]
    public void Non_integer_timestamp(string time) =>
        CsvFails(RatingsHeader + $"1,1,4.0,{time}\n", 2, 9, $"timestamp '{time}' is not an integer or an ISO 8601 date");

    [Fact]
    public void Unknown_header_column()
    {
        var path = _temp.Write("mine.csv", "user,item,stars\na,b,3\n");
        var e = Fails(() => DelimitedLoader.Load(path, ColumnMapping.Parse("user=user,item=item,value=score")), path, 1,
            problem: "the header has no value column 'score'");
        Assert.Contains("one of: user, item, stars", e.Message);

        CsvFails("user,movie,rating,timestamp\n1,1,4.0,964982703\n", 1, problem: "the header has no user column 'userId'");
    }

    [Fact]
    public void Unknown_header_column_after_blank_lines_names_the_header_line() =>
        CsvFails("\n\nuser,movie,rating,timestamp\n1,1,4.0,964982703\n", 3, problem: "the header has no user column 'userId'");

    [Fact]
    public void Duplicate_movie_id_in_the_item_file()
    {
        var folder = CsvFolder(RatingsHeader + "1,1,4.0,964982703\n", "movieId,title,genres\n1,Toy Story (1995),Comedy\n2,Jumanji (1995),Fantasy\n1,Again (1995),Drama\n");
        Fails(() => MovieLensLoader.Load(folder), Path.Combine(folder, "movies.csv"), 4, problem: "movie id 1 is listed twice");

        var ml100k = MovieLensFixtures.MovieLens100K().WriteTo(_temp["100k"]);
        var item = Path.Combine(ml100k, "u.item");
        File.AppendAllText(item, File.ReadLines(item, Encoding.Latin1).First() + "\n", Encoding.Latin1);
        Fails(() => MovieLensLoader.Load(ml100k), item, 4, problem: "movie id 1 is listed twice");
    }

    [Fact]
    public void Bad_demographics_and_genre_flags()
    {
        var ml1m = MovieLensFixtures.MovieLens1M().WriteTo(_temp["1m"]);
        File.WriteAllText(Path.Combine(ml1m, "users.dat"), "1::F::1::10::48067\n2::M::56::21::70072\n");
        Fails(() => MovieLensLoader.Load(ml1m), Path.Combine(ml1m, "users.dat"), 2, problem: "occupation code '21' is unknown");

        var ml100k = MovieLensFixtures.MovieLens100K().WriteTo(_temp["100k"]);
        File.WriteAllText(Path.Combine(ml100k, "u.user"), "196|forty|M|writer|55105\n");
        Fails(() => MovieLensLoader.Load(ml100k), Path.Combine(ml100k, "u.user"), 1, problem: "age 'forty' is not a whole number");

        var item = Path.Combine(ml100k, "u.item");
        File.WriteAllText(item, "1|Toy Story (1995)|01-Jan-1995||url|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|2\n", Encoding.Latin1);
        Fails(() => MovieLensLoader.Load(ml100k), item, 1, problem: "genre flag 19 is '2'");
    }

    [Fact]
    public void Empty_user_id() =>
        CsvFails(RatingsHeader + " ,1,4.0,964982703\n", 2, problem: "the user id is empty");

    [Fact]
    public void Skip_bad_lines_counts_them_and_loads_the_rest()
    {
        var folder = CsvFolder(RatingsHeader +
            "1,1,4.0,964982703\n" +
            "1,2,x,964982703\n" +     // line 3: not a number
            "2,1,3.0,964982703\n" +
            "2,2,9.0,964982703\n" +   // line 5: outside the scale
            "2,3\n" +                 // line 6: too few columns
            "3,1,1.0,964982703\n");

        var d = MovieLensLoader.Load(folder, new LoadOptions { SkipBadLines = true });

        Assert.Equal(3, d.Report.SkippedLines);
        Assert.Equal(6, d.Report.LinesRead);
        Assert.Equal(3, d.Interactions.Count);
        Assert.Equal([4f, 3f, 1f], d.Interactions.ValueColumn.ToArray());
        var file = Path.Combine(folder, "ratings.csv");
        Assert.Equal(3, d.Report.Problems.Count);
        Assert.StartsWith($"{file}:3:5: ", d.Report.Problems[0]);
        Assert.StartsWith($"{file}:5:5: ", d.Report.Problems[1]);
        Assert.StartsWith($"{file}:6: ", d.Report.Problems[2]);
        // Skipped lines keep where and what, not the advice to skip them.
        Assert.All(d.Report.Problems, p => Assert.DoesNotContain("skip", p, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Skip_bad_lines_also_skips_bad_metadata_lines()
    {
        var folder = CsvFolder(RatingsHeader + "1,1,4.0,964982703\n",
            "movieId,title,genres\n1,Toy Story (1995),Comedy\n1,Again (1995),Drama\n2,\"Broken,Comedy\n3,Fine (2000),Drama\n");
        var d = MovieLensLoader.Load(folder, new LoadOptions { SkipBadLines = true });
        Assert.Equal(2, d.Report.SkippedLines);
        Assert.Equal(["1", "3"], d.Interactions.Items.ToArray());
        Assert.Equal(["Toy Story (1995)", "Fine (2000)"], d.ItemTitles);
    }

    [Fact]
    public void A_skipped_item_line_leaves_no_item_behind()
    {
        var folder = MovieLensFixtures.MovieLens100K().WriteTo(_temp["100k"]);
        File.WriteAllText(Path.Combine(folder, "u.data"), "196\t1\t3\t881250949\n");
        File.WriteAllText(Path.Combine(folder, "u.item"),
            "1|Toy Story (1995)|01-Jan-1995||url|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n" +
            "2|GoldenEye (1995)|01-Jan-1995||url|0|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0|x|0|0\n", Encoding.Latin1);

        var d = MovieLensLoader.Load(folder, new LoadOptions { SkipBadLines = true });

        Assert.Equal(1, d.Report.SkippedLines);
        Assert.Equal(["1"], d.Interactions.Items.ToArray());
        Assert.Equal(["Toy Story (1995)"], d.ItemTitles);
    }

    [Fact]
    public void Error_duplicate_policy_names_both_lines()
    {
        var folder = CsvFolder(RatingsHeader + "1,1,4.0,964982703\n1,2,4.0,964982703\n\n1,1,3.0,964982704\n");
        Fails(() => MovieLensLoader.Load(folder, new LoadOptions { Duplicates = DuplicatePolicy.Error }),
            Path.Combine(folder, "ratings.csv"), 5, problem: "user 1 and item 1 already appear together on line 2");

        var d = MovieLensLoader.Load(folder, new LoadOptions { Duplicates = DuplicatePolicy.Error, SkipBadLines = true });
        Assert.Equal(1, d.Report.SkippedLines);
        Assert.Equal(0, d.Report.Duplicates);
        Assert.Equal([4f, 4f], d.Interactions.ValueColumn.ToArray());
    }
}
