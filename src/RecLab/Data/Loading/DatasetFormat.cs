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
