using RecLab.Data;
using RecLab.Data.Loading;
using RecLab.Tests.Support;

namespace RecLab.Tests.Data.Loading;

public sealed class DelimitedLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Uses_a_column_mapping_by_header_names()
    {
        var path = _temp.Write("shop.csv", "when;sku;customer;stars\n2024-01-02T00:00:00Z;A-1;alice;4\n1700000000;B-2;bob;2.5\n");

        var d = DelimitedLoader.Load(path,
            ColumnMapping.Parse("user=customer, item=sku, value=stars, time=when"),
            new DelimitedFormat { Delimiter = ";", HasHeader = true },
            FeedbackKind.Explicit);

        Assert.Equal("shop", d.Name);
        Assert.Equal([("alice", "A-1", 4f), ("bob", "B-2", 2.5f)], DataRows.Triples(d.Interactions));
        Assert.Equal([1704153600L, 1700000000L], d.Interactions.TimestampColumn());
        // Inferred from the values: 2.5 is not a whole star, so half stars.
        Assert.Equal(new RatingScale(2.5f, 4f, 0.5f), d.Interactions.Scale);
    }

    [Theory]
    [InlineData("2024-01-02", 1704153600L)]
    [InlineData("2024-01-02T03:04:05", 1704164645L)]
    [InlineData("2024-01-02 03:04:05Z", 1704164645L)]
    [InlineData("2024-01-02T05:04:05+02:00", 1704164645L)]
    [InlineData("2024-01-02T03:04:05.5Z", 1704164645L)]
    [InlineData("-86400", -86400L)]
    public void Times_are_unix_seconds_or_iso_dates(string time, long expected)
    {
        var path = _temp.Write("t.csv", $"user,item,time\na,b,{time}\n");
        Assert.Equal([expected], DelimitedLoader.Load(path).Interactions.TimestampColumn());
    }

    [Fact]
    public void Uses_a_column_mapping_by_position_without_a_header()
    {
        // String ids on the first line do not make it a header when the mapping is by position.
        var path = _temp.Write("plays.tsv", "artist9\t3\tu1\nartist2\t10\tu2\n");
        var d = DelimitedLoader.Load(path, new ColumnMapping { User = "2", Item = "0", Value = "1" });
        Assert.Equal(FeedbackKind.Implicit, d.Interactions.Kind);
        Assert.Equal([("u1", "artist9", 3f), ("u2", "artist2", 10f)], DataRows.Triples(d.Interactions));

        // ... but a name above a numeric column does.
        var withHeader = _temp.Write("plays2.tsv", "artist\tplays\tlistener\nartist9\t3\tu1\n");
        Assert.Equal([("u1", "artist9", 3f)], DataRows.Triples(DelimitedLoader.Load(withHeader, new ColumnMapping { User = "2", Item = "0", Value = "1" }).Interactions));
    }

    [Fact]
    public void A_given_format_is_not_second_guessed()
    {
        var path = _temp.Write("pairs.csv", "alice,book\nbob,pen\n");
        var d = DelimitedLoader.Load(path, format: new DelimitedFormat { Delimiter = "," });
        Assert.Equal([("alice", "book", 1f), ("bob", "pen", 1f)], DataRows.Triples(d.Interactions));
    }

    [Fact]
    public void Guesses_columns_from_a_header()
    {
        var path = _temp.Write("ratings.csv", "Item_ID,User_ID,Score,Timestamp\n10,1,3,100\n11,1,5,200\n10,2,4,300\n");

        var d = DelimitedLoader.Load(path, scale: RatingScale.OneToFive);

        Assert.Equal(FeedbackKind.Explicit, d.Interactions.Kind);
        Assert.Equal([("1", "10", 3f), ("1", "11", 5f), ("2", "10", 4f)], DataRows.Triples(d.Interactions));
        Assert.Equal([100L, 200, 300], d.Interactions.TimestampColumn());
    }

    [Theory]
    [InlineData("pairs.csv", "1,10\n2,10\n2,11\n")]
    [InlineData("pairs.tsv", "1\t10\n2\t10\n2\t11\n")]
    [InlineData("pairs.csv", "user,item\n1,10\n2,10\n2,11\n")]
    [InlineData("weights.tsv", "1\t10\t1\n2\t10\t1\n2\t11\t1\n")]
    public void Two_columns_mean_implicit_pairs_and_three_add_a_weight(string file, string text)
    {
        var d = DelimitedLoader.Load(_temp.Write(file, text));
        Assert.Equal(FeedbackKind.Implicit, d.Interactions.Kind);
        Assert.Equal([("1", "10", 1f), ("2", "10", 1f), ("2", "11", 1f)], DataRows.Triples(d.Interactions));
        Assert.False(d.Interactions.HasTimestamps);
        Assert.Equal(3, d.Report.LinesRead);
    }

    [Fact]
    public void Reads_a_double_colon_dat_file_by_position()
    {
        var d = DelimitedLoader.Load(_temp.Write("r.dat", "1::5::4::978300760\n2::5::2::978300761\n"), scale: RatingScale.OneToFive);
        Assert.Equal([("1", "5", 4f), ("2", "5", 2f)], DataRows.Triples(d.Interactions));
        Assert.Equal([978300760L, 978300761], d.Interactions.TimestampColumn());
    }

    [Theory]
    [InlineData("userId,movieId,rating,timestamp\n1,10,4.5,100\n2,10,0.5,200\n2,11,3,300\n", 0.5f)]
    [InlineData("user_id,item_id,Stars\n1,10,4\n2,10,1\n2,11,3\n", 1f)]
    [InlineData("customer id;product id;score\n1;10;4\n2;10;1\n2;11;3\n", 1f)]
    public void A_header_that_names_ratings_makes_explicit_feedback_with_the_scale_of_its_values(string text, float step)
    {
        var d = DelimitedLoader.Load(_temp.Write(text.Contains(';') ? "mine.txt" : "ratings.csv", text),
            format: text.Contains(';') ? new DelimitedFormat { Delimiter = ";", HasHeader = true } : null);

        Assert.Equal(FeedbackKind.Explicit, d.Interactions.Kind);
        Assert.Equal(step, d.Interactions.Scale!.Value.Step);
        Assert.Equal(3, d.Interactions.Count);
    }

    [Theory]
    [InlineData("user,item,weight\n1,10,3\n2,10,1\n")]
    [InlineData("user,item,count\n1,10,3\n2,10,1\n")]
    [InlineData("user,item,value\n1,10,3\n2,10,1\n")]
    [InlineData("1,10,3\n2,10,1\n")]
    public void Weights_counts_and_unnamed_values_stay_implicit(string text)
    {
        var d = DelimitedLoader.Load(_temp.Write("plays.csv", text));
        Assert.Equal(FeedbackKind.Implicit, d.Interactions.Kind);
        Assert.Equal([3f, 1f], d.Interactions.ValueColumn.ToArray());
    }

    [Fact]
    public void Explicit_feedback_without_a_value_column_is_refused()
    {
        var path = _temp.Write("p.csv", "user,item\n1,2\n");
        var e = Assert.Throws<ArgumentException>(() => DelimitedLoader.Load(path, kind: FeedbackKind.Explicit));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_header_without_user_and_item_columns_asks_for_a_mapping()
    {
        var path = _temp.Write("odd.csv", "who,what\na,b\n");
        var e = Assert.Throws<DataFormatException>(() => DelimitedLoader.Load(path));
        Assert.StartsWith($"{path}:1: cannot tell the user and item columns", e.Message);
        // The mapping the hint shows is one an experiment file accepts.
        Assert.Contains("csv: {path: FILE, columns: {user: customer, item: sku, value: stars}}", e.Message);
    }

    [Fact]
    public void Column_mapping_parse_rejects_unknown_keys()
    {
        Assert.Throws<FormatException>(() => ColumnMapping.Parse("user=a,thing=b"));
        Assert.Throws<FormatException>(() => ColumnMapping.Parse("user"));
        Assert.Equal(new ColumnMapping { User = "a", Item = "b", Value = null, Time = "t" }, ColumnMapping.Parse("user=a,item=b,value=,time=t"));
    }
}
