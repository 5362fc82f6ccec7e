using System.Globalization;
using System.Text;

namespace RecLab.Data.Loading;

/// <summary>
/// Loads the MovieLens releases (Harper and Konstan 2015) from an extracted folder: ratings, and when present
/// item metadata (genres, title tokens, decade, tags) and user demographics (age band, gender, occupation, zip prefix).
/// </summary>
public static class MovieLensLoader
{
    /// <summary>u.genre order, used when u.genre is absent.</summary>
    internal static readonly string[] Genres100K =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
        "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    /// <summary>MovieLens 1M occupation codes (its README).</summary>
    internal static readonly string[] Occupations1M =
    [
        "other", "academic/educator", "artist", "clerical/admin", "college/grad student", "customer service",
        "doctor/health care", "executive/managerial", "farmer", "homemaker", "K-12 student", "lawyer", "programmer",
        "retired", "sales/marketing", "scientist", "self-employed", "technician/engineer", "tradesman/craftsman",
        "unemployed", "writer",
    ];

    /// <summary>The user feature fields MovieLens 100K and 1M provide.</summary>
    public static readonly string[] UserFields = ["age", "gender", "occupation", "zip"];

    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>Loads a MovieLens folder of any supported release (detected from its files).</summary>
    public static Dataset Load(string folder, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        return DatasetFormats.Detect(folder) switch
        {
            DatasetFormat.MovieLens100K => Load100K(folder, options),
            DatasetFormat.MovieLens1M => Load1M(folder, options),
            DatasetFormat.MovieLensCsv => LoadCsv(folder, options),
            _ => throw new ArgumentException($"{folder} is a file, not a MovieLens folder.", nameof(folder)),
        };
    }

    /// <summary>MovieLens 100K: <c>u.data</c> (tab: user, item, rating 1–5, unix time), <c>u.item</c>, <c>u.user</c>.</summary>
    public static Dataset Load100K(string folder, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var report = new LoadReport();
        var items = new IdMapBuilder();
        var titles = new List<string?>();
        var features = options.LoadFeatures ? new ItemFeaturesBuilder() : null;
        var itemFile = Path.Combine(folder, "u.item");
        if (File.Exists(itemFile))
        {
            var genres = ReadGenres(Path.Combine(folder, "u.genre"), options, report);
            var format = new DelimitedFormat { Delimiter = "|", Encoding = Latin1 };
            MetadataFileReader.Read(itemFile, format, 5 + genres.Length,
                $"movie id|title|release date|video release date|IMDb URL|{genres.Length} genre flags", options, report, (line, f) =>
                {
                    // Check every flag before adding the item, so a skipped line leaves no trace.
                    for (var g = 0; g < genres.Length; g++)
                        if (f[5 + g] is not ("0" or "1"))
                            throw new DataFormatException(itemFile, line, $"genre flag {g + 1} is '{f[5 + g]}'", "0 or 1");
                    var item = AddItem(items, titles, f[0], f[1], itemFile, line);
                    if (features is null)
                        return;
                    for (var g = 0; g < genres.Length; g++)
                        if (f[5 + g] == "1")
                            features.Add(item, "genre", genres[g]);
                    var year = TitleText.Year(f[1]) ?? ReleaseYear(f[2]);
                    AddTitleFeatures(features, item, f[1], year);
                });
        }

        var builder = new InteractionDataBuilder(items: items, capacity: 100_000);
        InteractionFileReader.Read(Path.Combine(folder, "u.data"), new InteractionFileReader.Spec
        {
            Format = new DelimitedFormat { Delimiter = "\t", Encoding = Latin1 },
            Columns = ColumnMapping.Positional,
            ColumnCount = 4,
            Kind = FeedbackKind.Explicit,
            Scale = RatingScale.OneToFive,
            LineDescription = "user id<TAB>item id<TAB>rating 1-5<TAB>unix time",
        }, builder, options, report);

        UserFeaturesBuilder? users = null;
        var userFile = Path.Combine(folder, "u.user");
        if (options.LoadFeatures && File.Exists(userFile))
        {
            users = new UserFeaturesBuilder(UserFields);
            MetadataFileReader.Read(userFile, new DelimitedFormat { Delimiter = "|", Encoding = Latin1 }, 5,
                "user id|age|gender|occupation|zip code", options, report, (line, f) =>
                {
                    var user = builder.UserIds.IndexOf(f[0]);
                    if (user < 0)
                        return; // a user without ratings has no row to describe
                    if (!int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var age))
                        throw new DataFormatException(userFile, line, $"age '{f[1]}' is not a whole number", "user id|age|gender|occupation|zip code");
                    users.Set(user, "age", AgeBand(age));
                    users.Set(user, "gender", f[2]);
                    users.Set(user, "occupation", f[3]);
                    users.Set(user, "zip", ZipPrefix(f[4]));
                });
        }
        return Finish(folder, builder, FeedbackKind.Explicit, RatingScale.OneToFive, options, report, titles, features, users);
    }

    /// <summary>MovieLens 1M: <c>ratings.dat</c> (<c>UserID::MovieID::Rating::Timestamp</c>), <c>movies.dat</c>, <c>users.dat</c>.</summary>
    public static Dataset Load1M(string folder, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var report = new LoadReport();
        var items = new IdMapBuilder();
        var titles = new List<string?>();
        var features = options.LoadFeatures ? new ItemFeaturesBuilder() : null;
        var format = new DelimitedFormat { Delimiter = "::", Encoding = Latin1 };
        var movieFile = Path.Combine(folder, "movies.dat");
        if (File.Exists(movieFile))
        {
            MetadataFileReader.Read(movieFile, format, 3, "MovieID::Title::Genres", options, report, (line, f) =>
            {
                var item = AddItem(items, titles, f[0], f[1], movieFile, line);
                if (features is not null)
                    AddMovieFeatures(features, item, f[1], f[2]);
            });
        }

        var builder = new InteractionDataBuilder(items: items, capacity: 1_000_000);
        InteractionFileReader.Read(Path.Combine(folder, "ratings.dat"), new InteractionFileReader.Spec
        {
            Format = format,
            Columns = ColumnMapping.Positional,
            ColumnCount = 4,
            Kind = FeedbackKind.Explicit,
            Scale = RatingScale.OneToFive,
            LineDescription = "UserID::MovieID::Rating::Timestamp",
        }, builder, options, report);

        UserFeaturesBuilder? users = null;
        var userFile = Path.Combine(folder, "users.dat");
        if (options.LoadFeatures && File.Exists(userFile))
        {
            users = new UserFeaturesBuilder(UserFields);
            const string description = "UserID::Gender::Age::Occupation::Zip-code";
            MetadataFileReader.Read(userFile, format, 5, description, options, report, (line, f) =>
            {
                var user = builder.UserIds.IndexOf(f[0]);
                if (user < 0)
                    return;
                if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var age))
                    throw new DataFormatException(userFile, line, $"age code '{f[2]}' is not a number", description);
                if (!int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var occupation) || occupation >= Occupations1M.Length)
                    throw new DataFormatException(userFile, line, $"occupation code '{f[3]}' is unknown", $"{description} with occupation 0-20");
                users.Set(user, "age", AgeBand(age));
                users.Set(user, "gender", f[1]);
                users.Set(user, "occupation", Occupations1M[occupation]);
                users.Set(user, "zip", ZipPrefix(f[4]));
            });
        }
        return Finish(folder, builder, FeedbackKind.Explicit, RatingScale.OneToFive, options, report, titles, features, users);
    }

    /// <summary>MovieLens latest / latest-small / 25M / 32M: <c>ratings.csv</c>, <c>movies.csv</c>, <c>tags.csv</c> (UTF-8 CSV with headers).</summary>
    public static Dataset LoadCsv(string folder, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var report = new LoadReport();
        var items = new IdMapBuilder();
        var titles = new List<string?>();
        var features = options.LoadFeatures ? new ItemFeaturesBuilder() : null;
        var movieFile = Path.Combine(folder, "movies.csv");
        if (File.Exists(movieFile))
        {
            MetadataFileReader.Read(movieFile, DelimitedFormat.Csv, 3, "movieId,title,genres", options, report, (line, f) =>
            {
                var item = AddItem(items, titles, f[0], f[1], movieFile, line);
                if (features is not null)
                    AddMovieFeatures(features, item, f[1], f[2]);
            });
        }

        var builder = new InteractionDataBuilder(items: items, capacity: 100_000);
        InteractionFileReader.Read(Path.Combine(folder, "ratings.csv"), new InteractionFileReader.Spec
        {
            Format = DelimitedFormat.Csv,
            Columns = new ColumnMapping { User = "userId", Item = "movieId", Value = "rating", Time = "timestamp" },
            Kind = FeedbackKind.Explicit,
            Scale = RatingScale.HalfToFive,
            LineDescription = "userId,movieId,rating,timestamp",
        }, builder, options, report);

        var tagFile = Path.Combine(folder, "tags.csv");
        if (features is not null && File.Exists(tagFile))
        {
            MetadataFileReader.Read(tagFile, DelimitedFormat.Csv, 4, "userId,movieId,tag,timestamp", options, report, (line, f) =>
            {
                var item = items.IndexOf(f[1]);
                var tag = f[2].Trim().ToLowerInvariant();
                if (item >= 0 && tag.Length > 0)
                    features.Add(item, "tag", tag);
            });
        }
        return Finish(folder, builder, FeedbackKind.Explicit, RatingScale.HalfToFive, options, report, titles, features, null);
    }

    private static Dataset Finish(string folder, InteractionDataBuilder builder, FeedbackKind kind, RatingScale scale, LoadOptions options,
        LoadReport report, List<string?> titles, ItemFeaturesBuilder? features, UserFeaturesBuilder? users)
    {
        report.ItemsMissingFromMetadata = titles.Count > 0 ? builder.ItemIds.Count - titles.Count : 0;
        var userMap = builder.UserIds.Build();
        var itemMap = builder.ItemIds.Build();
        var data = builder.Build(kind, scale, options.Duplicates, userMap, itemMap, out var duplicates);
        report.Duplicates = duplicates;
        while (titles.Count < itemMap.Count)
            titles.Add(null);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return new Dataset(name, data, features?.Build(itemMap), users?.Build(userMap),
            titles.Count > 0 && titles.Exists(t => t is not null) ? titles : null, report, folder);
    }

    private static int AddItem(IdMapBuilder items, List<string?> titles, string id, string title, string file, int line)
    {
        id = id.Trim();
        if (id.Length == 0)
            throw new DataFormatException(file, line, "the movie id is empty");
        var before = items.Count;
        var item = items.GetOrAdd(id);
        if (item != before)
            throw new DataFormatException(file, line, $"movie id {id} is listed twice", hint: "Each movie must appear once in the item file");
        titles.Add(title);
        return item;
    }

    private static void AddMovieFeatures(ItemFeaturesBuilder features, int item, string title, string genres)
    {
        foreach (var genre in genres.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (genre != "(no genres listed)")
                features.Add(item, "genre", genre);
        AddTitleFeatures(features, item, title, TitleText.Year(title));
    }

    private static void AddTitleFeatures(ItemFeaturesBuilder features, int item, string title, int? year)
    {
        foreach (var token in TitleText.Tokens(title))
            features.Add(item, "token", token);
        if (year is { } y)
            features.Add(item, "decade", TitleText.Decade(y));
    }

    private static string[] ReadGenres(string path, LoadOptions options, LoadReport report)
    {
        if (!File.Exists(path))
            return Genres100K;
        var genres = new SortedDictionary<int, string>();
        MetadataFileReader.Read(path, new DelimitedFormat { Delimiter = "|", Encoding = Latin1 }, 2, "genre|index", options, report, (line, f) =>
        {
            if (!int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                throw new DataFormatException(path, line, $"genre index '{f[1]}' is not a number", "genre|index");
            genres[index] = f[0];
        });
        return genres.Count == 0 ? Genres100K : [.. genres.Values];
    }

    private static int? ReleaseYear(string date) =>
        DateTime.TryParseExact(date, "dd-MMM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.Year : null;

    /// <summary>
    /// Age bands of MovieLens 1M (codes 1, 18, 25, 35, 45, 50, 56), applied to 100K's raw ages too,
    /// so both datasets share one segmentation.
    /// </summary>
    public static string AgeBand(int age) => age switch
    {
        < 18 => "under 18",
        < 25 => "18-24",
        < 35 => "25-34",
        < 45 => "35-44",
        < 50 => "45-49",
        < 56 => "50-55",
        _ => "56+",
    };

    /// <summary>First character of a zip code (the US ZIP region), upper-cased; null when empty.</summary>
    public static string? ZipPrefix(string zip)
    {
        zip = zip.Trim();
        return zip.Length == 0 ? null : char.ToUpperInvariant(zip[0]).ToString();
    }
}
