namespace RecLab.Data.Loading;

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
