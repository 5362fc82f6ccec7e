namespace RecLab.Data.Loading;

/// <summary>File layouts RecLab reads.</summary>
public enum DatasetFormat
{
    /// <summary>MovieLens 100K: <c>u.data</c>, <c>u.item</c>, <c>u.user</c>, <c>u.genre</c>.</summary>
    MovieLens100K,

    /// <summary>MovieLens 1M: <c>ratings.dat</c>, <c>movies.dat</c>, <c>users.dat</c> (<c>::</c>-separated, Latin-1).</summary>
    MovieLens1M,

    /// <summary>MovieLens latest, latest-small, 25M, 32M: <c>ratings.csv</c>, <c>movies.csv</c>, <c>tags.csv</c>.</summary>
    MovieLensCsv,

    /// <summary>Any delimited interactions file with a column mapping.</summary>
    Generic,
}

/// <summary>Recognises a dataset's format from the files present.</summary>
public static class DatasetFormats
{
    /// <summary>
    /// The format of a folder (by which files it holds) or of a single file (always <see cref="DatasetFormat.Generic"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing at the path, or a folder without known files.</exception>
    public static DatasetFormat Detect(string path)
    {
        if (File.Exists(path))
            return DatasetFormat.Generic;
        if (!Directory.Exists(path))
            throw new FileNotFoundException($"{path}: no such file or folder.", path);
        if (File.Exists(Path.Combine(path, "u.data")))
            return DatasetFormat.MovieLens100K;
        if (File.Exists(Path.Combine(path, "ratings.dat")))
            return DatasetFormat.MovieLens1M;
        if (File.Exists(Path.Combine(path, "ratings.csv")))
            return DatasetFormat.MovieLensCsv;
        throw new FileNotFoundException(
            $"{path}: no known dataset files (looked for u.data, ratings.dat, ratings.csv). " +
            "For other data, name the interactions file itself and give a column mapping.", path);
    }
}
