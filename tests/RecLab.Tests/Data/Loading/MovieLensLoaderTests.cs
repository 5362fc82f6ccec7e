using RecLab.Data;
using RecLab.Data.Loading;
using RecLab.Tests.Support;

namespace RecLab.Tests.Data.Loading;

public sealed class MovieLensLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static float Rating(Dataset d, string user, string item) =>
        d.Interactions.ByUser.Get(d.Interactions.Users.IndexOf(user), d.Interactions.Items.IndexOf(item), float.NaN);

    private static long Time(Dataset d, string user, string item)
    {
        var data = d.Interactions;
        var u = data.Users.IndexOf(user);
        var i = data.Items.IndexOf(item);
        var rows = data.RowsOf(u);
        for (var r = rows.Start.Value; r < rows.End.Value; r++)
            if (data.ItemColumn[r] == i)
                return data.TimestampAt(r);
        throw new KeyNotFoundException($"{user} did not rate {item}");
    }

    private static string[] FeaturesOf(Dataset d, string item)
    {
        var f = d.ItemFeatures!;
        var row = f.Items.IndexOf(item);
        return f.Matrix.RowIndices(row).ToArray().Select(k => f.Features[k]).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Loads_movielens_100k_with_genres_titles_and_demographics()
    {
        var folder = MovieLensFixtures.MovieLens100K().WriteTo(_temp["ml-100k"]);
        Assert.Contains((byte)0xE9, File.ReadAllBytes(Path.Combine(folder, "u.item")));

        var d = MovieLensLoader.Load(folder);

        Assert.Equal("ml-100k", d.Name);
        var data = d.Interactions;
        Assert.Equal(FeedbackKind.Explicit, data.Kind);
        Assert.Equal(RatingScale.OneToFive, data.Scale);
        Assert.Equal(5, data.Count);
        Assert.Equal(["196", "186", "22"], data.Users.ToArray());
        // Catalogue items first (u.item order), then rated items the catalogue lacks.
        Assert.Equal(["1", "2", "3", "99"], data.Items.ToArray());
        Assert.Equal(1, d.Report.ItemsMissingFromMetadata);
        Assert.Equal(3f, Rating(d, "196", "1"));
        Assert.Equal(5f, Rating(d, "186", "2"));
        Assert.Equal(2f, Rating(d, "22", "99"));
        Assert.Equal(881250949L, Time(d, "196", "1"));
        Assert.Equal(878887116L, Time(d, "22", "1"));

        Assert.Equal("Café au lait", d.ItemTitles![2]);
        Assert.Equal("Toy Story (1995)", d.ItemLabel(0));
        Assert.Equal("99", d.ItemLabel(3));
        Assert.Equal(["decade:1990s", "genre:Animation", "genre:Children's", "genre:Comedy", "token:story", "token:toy"], FeaturesOf(d, "1"));
        // No year in the title: the release date gives the decade; "au" is a token, "café" keeps its accent.
        Assert.Equal(["decade:1990s", "genre:Comedy", "token:au", "token:café", "token:lait"], FeaturesOf(d, "3"));
        Assert.Empty(FeaturesOf(d, "99"));

        var users = d.UserFeatures!;
        Assert.Equal(MovieLensLoader.UserFields, users.Fields);
        Assert.Equal(["45-49", "M", "writer", "5"], Labels(users, data.Users.IndexOf("196")));
        Assert.Equal(["35-44", "F", "executive", "0"], Labels(users, data.Users.IndexOf("186")));
        Assert.Equal(["under 18", "M", "student", "T"], Labels(users, data.Users.IndexOf("22")));
        Assert.Equal(-1, data.Users.IndexOf("7")); // described in u.user, but without ratings
    }

    private static string[] Labels(UserFeatures f, int user) => f.Fields.Select(field => f.LabelOf(field, user) ?? "(unknown)").ToArray();

    [Fact]
    public void Loads_movielens_1m_with_double_colon_fields()
    {
        var folder = MovieLensFixtures.MovieLens1M().WriteTo(_temp["ml-1m"]);

        var d = MovieLensLoader.Load(folder);

        var data = d.Interactions;
        Assert.Equal(RatingScale.OneToFive, data.Scale);
        Assert.Equal(4, data.Count);
        Assert.Equal(["1", "2"], data.Users.ToArray());
        Assert.Equal(["1193", "2", "3"], data.Items.ToArray());
        Assert.Equal(5f, Rating(d, "1", "1193"));
        Assert.Equal(2f, Rating(d, "2", "3"));
        Assert.Equal(978298413L, Time(d, "2", "1193"));
        Assert.Equal("Café Society (1995)", d.ItemTitles![2]);
        Assert.Equal(["decade:1990s", "genre:Adventure", "genre:Children's", "genre:Fantasy", "token:jumanji"], FeaturesOf(d, "2"));
        Assert.Equal(["decade:1970s", "genre:Drama", "token:cuckoo", "token:flew", "token:nest", "token:one", "token:over"], FeaturesOf(d, "1193"));
        Assert.Equal(["under 18", "F", "K-12 student", "4"], Labels(d.UserFeatures!, 0));
        Assert.Equal(["56+", "M", "self-employed", "7"], Labels(d.UserFeatures!, 1));
    }

    [Fact]
    public void Loads_movielens_csv_with_quoted_titles_and_tags()
    {
        var folder = MovieLensFixtures.MovieLensCsv().WriteTo(_temp["ml-latest-small"]);

        var d = MovieLensLoader.Load(folder);

        var data = d.Interactions;
        Assert.Equal(RatingScale.HalfToFive, data.Scale);
        Assert.Equal(5, data.Count);
        Assert.Equal(3, data.UserCount);
        Assert.Equal(["1", "11", "100", "200"], data.Items.ToArray());
        Assert.Equal(3, data.ActiveItemCount());
        Assert.Equal(0.5f, Rating(d, "1", "11"));
        Assert.Equal(3.5f, Rating(d, "3", "1"));
        Assert.Equal(1445714835L, Time(d, "2", "100"));
        Assert.Equal(["Toy Story (1995)", "American President, The (1995)", "Movie \"Quoted\" Title, A (2001)",
            "Amélie (Fabuleux destin d'Amélie Poulain) (2001)"], d.ItemTitles);
        Assert.Null(d.UserFeatures);

        Assert.Equal(["decade:2000s", "token:movie", "token:quoted", "token:title"], FeaturesOf(d, "100"));
        Assert.Equal(["decade:1990s", "genre:Comedy", "genre:Drama", "genre:Romance", "tag:funny, clever", "token:american", "token:president"],
            FeaturesOf(d, "11"));
        Assert.Contains("token:amélie", FeaturesOf(d, "200"));
        // "Pixar" and "pixar" are one tag, counted twice.
        var f = d.ItemFeatures!;
        Assert.Equal(2f, f.Matrix.Get(f.Items.IndexOf("1"), f.Features.IndexOf("tag:pixar")));
        Assert.Equal(-1, f.Features.IndexOf("tag:orphan"));
        Assert.Equal(["genre", "token", "decade", "tag"], f.FieldCounts().Select(kv => kv.Key));
    }

    [Fact]
    public void Features_can_be_left_out()
    {
        var folder = MovieLensFixtures.MovieLens100K().WriteTo(_temp["ml-100k"]);
        var d = MovieLensLoader.Load(folder, new LoadOptions { LoadFeatures = false });
        Assert.Null(d.ItemFeatures);
        Assert.Null(d.UserFeatures);
        Assert.Equal("Café au lait", d.ItemTitles![2]);
        Assert.Equal(5, d.Interactions.Count);
    }

    [Fact]
    public void Ratings_alone_are_enough()
    {
        var files = MovieLensFixtures.MovieLensCsv();
        files.Remove("movies.csv");
        files.Remove("tags.csv");
        var d = MovieLensLoader.Load(files.WriteTo(_temp["csv"]));
        Assert.Equal(["1", "11", "100"], d.Interactions.Items.ToArray());
        Assert.Null(d.ItemTitles);
        Assert.Equal(0, d.ItemFeatures!.ItemsWithFeatures());
    }

    [Fact]
    public void Duplicate_ratings_keep_the_latest_and_are_counted()
    {
        var folder = _temp["dups"];
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "ratings.csv"),
            "userId,movieId,rating,timestamp\n1,1,4.0,200\n1,1,2.0,100\n1,2,3.0,5\n1,1,1.0,150\n");

        var latest = MovieLensLoader.Load(folder);
        Assert.Equal(2, latest.Interactions.Count);
        Assert.Equal(2, latest.Report.Duplicates);
        Assert.Equal(4, latest.Report.LinesRead);
        Assert.Equal(4f, Rating(latest, "1", "1"));

        var first = MovieLensLoader.Load(folder, new LoadOptions { Duplicates = DuplicatePolicy.LastInInput });
        Assert.Equal(1f, Rating(first, "1", "1"));
        Assert.Equal(150L, Time(first, "1", "1"));
    }

    [Fact]
    public void Loads_files_longer_than_the_capacity_sample()
    {
        // Past 4,096 lines the reader sizes its buffers from the file length; every row must still arrive.
        var text = new System.Text.StringBuilder("userId,movieId,rating,timestamp\n");
        for (var r = 0; r < 10_000; r++)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{r / 7},{r % 7 + (r % 3) * 1000},{(r % 10 + 1) / 2.0},{1_000_000_000 + r}\n");
        _temp.Write("big/ratings.csv", text.ToString());

        var data = MovieLensLoader.Load(_temp["big"]).Interactions;

        Assert.Equal(10_000, data.Count);
        Assert.Equal(10_000 / 7 + 1, data.UserCount);
        Assert.Equal(Enumerable.Range(0, 10_000).Sum(r => (r % 10 + 1) / 2.0), data.ValueColumn.ToArray().Sum(v => (double)v), 6);
        Assert.Equal(1_000_000_000L + 9_999, data.TimestampColumn().Max());
    }

    [Theory]
    [InlineData("u.data", DatasetFormat.MovieLens100K)]
    [InlineData("ratings.dat", DatasetFormat.MovieLens1M)]
    [InlineData("ratings.csv", DatasetFormat.MovieLensCsv)]
    public void Detects_the_format_from_the_files_present(string file, DatasetFormat expected)
    {
        _temp.Write(Path.Combine("d", file), "");
        Assert.Equal(expected, DatasetFormats.Detect(_temp["d"]));
    }

    [Fact]
    public void Detection_says_what_it_looked_for()
    {
        Assert.Equal(DatasetFormat.Generic, DatasetFormats.Detect(_temp.Write("mine.tsv", "1\t2\n")));
        Directory.CreateDirectory(_temp["empty"]);
        var e = Assert.Throws<FileNotFoundException>(() => DatasetFormats.Detect(_temp["empty"]));
        Assert.Contains("u.data, ratings.dat, ratings.csv", e.Message);
        Assert.Throws<FileNotFoundException>(() => DatasetFormats.Detect(_temp["missing"]));
    }
}
