using RecLab.Data.Loading;

namespace RecLab.Data.Downloads;

/// <summary>The datasets <c>reclab data fetch</c> knows, all from GroupLens.</summary>
public static class DatasetCatalog
{
    /// <summary>Where GroupLens serves MovieLens (each zip has a published <c>.md5</c> beside it where GroupLens provides one).</summary>
    public static Uri GroupLensBase { get; } = new("https://files.grouplens.org/datasets/movielens/");

    private const string MovieLensLicence =
        "MovieLens: research use only, no redistribution without permission; cite Harper and Konstan, ACM TiiS 5(4), 2015";

    /// <summary>Every known dataset.</summary>
    public static IReadOnlyList<KnownDataset> All { get; } =
    [
        new("ml-100k", "MovieLens 100K: 100,000 ratings (1-5) by 943 users on 1,682 movies, with demographics (1998)", "ml-100k.zip", DatasetFormat.MovieLens100K, 5, MovieLensLicence),
        new("ml-1m", "MovieLens 1M: 1,000,209 ratings (1-5) by 6,040 users on 3,706 movies, with demographics (2003)", "ml-1m.zip", DatasetFormat.MovieLens1M, 6, MovieLensLicence),
        new("ml-latest-small", "MovieLens latest-small: 100,836 ratings (0.5-5) by 610 users on 9,742 movies, with tags (2018)", "ml-latest-small.zip", DatasetFormat.MovieLensCsv, 1, MovieLensLicence),
        new("ml-25m", "MovieLens 25M: 25,000,095 ratings by 162,541 users on 59,047 movies, with tags (2019)", "ml-25m.zip", DatasetFormat.MovieLensCsv, 250, MovieLensLicence),
        new("ml-32m", "MovieLens 32M: 32,000,204 ratings by 200,948 users on 87,585 movies, with tags (2023)", "ml-32m.zip", DatasetFormat.MovieLensCsv, 239, MovieLensLicence),
    ];

    /// <summary>The dataset with this name, or null.</summary>
    public static KnownDataset? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}
