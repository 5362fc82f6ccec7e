using System.Globalization;

namespace RecLab.Data.Loading;

/// <summary>
/// Which columns of a delimited file hold the user, item, value and time. Each is a header name
/// (matched case-insensitively) or a 0-based column number written as digits.
/// </summary>
public sealed record ColumnMapping
{
    /// <summary>User id column.</summary>
    public string User { get; init; } = "user";

    /// <summary>Item id column.</summary>
    public string Item { get; init; } = "item";

    /// <summary>Rating or weight column; null means every row is one implicit interaction of weight 1.</summary>
    public string? Value { get; init; } = "rating";

    /// <summary>Timestamp column (integer unix seconds, or an ISO 8601 date such as 2024-01-31T12:00:00Z); null when there is none.</summary>
    public string? Time { get; init; }

    /// <summary>Positional columns 0, 1, 2, 3 (user, item, value, time), as MovieLens rating files are laid out.</summary>
    public static ColumnMapping Positional { get; } = new() { User = "0", Item = "1", Value = "2", Time = "3" };

    /// <summary>
    /// Parses <c>user=userId,item=movieId,value=rating,time=timestamp</c> (value and time optional;
    /// <c>value=</c> with nothing means implicit rows of weight 1).
    /// </summary>
    public static ColumnMapping Parse(string text)
    {
        var mapping = new ColumnMapping { Value = null };
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
                throw new FormatException($"Column mapping '{part}' is not key=column (keys: user, item, value, time).");
            var key = part[..eq].Trim().ToLowerInvariant();
            var column = part[(eq + 1)..].Trim();
            mapping = key switch
            {
                "user" => mapping with { User = column },
                "item" => mapping with { Item = column },
                "value" or "rating" => mapping with { Value = column.Length == 0 ? null : column },
                "time" or "timestamp" => mapping with { Time = column.Length == 0 ? null : column },
                _ => throw new FormatException($"Unknown column key '{key}' in '{text}' (keys: user, item, value, time)."),
            };
        }
        return mapping;
    }

    /// <summary>
    /// Guesses a mapping from a header: userId/user_id/user, itemId/movieId/item_id/item, rating/value/score/weight,
    /// timestamp/time. Null when no user or item column is recognisable.
    /// </summary>
    public static ColumnMapping? Guess(IReadOnlyList<string> header)
    {
        string? Find(params string[] names) =>
            header.FirstOrDefault(h => names.Contains(h.Trim().Replace("_", "").Replace(" ", ""), StringComparer.OrdinalIgnoreCase));
        var user = Find("userid", "user", "uid", "customerid");
        var item = Find("itemid", "item", "movieid", "productid", "iid", "movie", "product");
        if (user is null || item is null)
            return null;
        return new ColumnMapping
        {
            User = user,
            Item = item,
            Value = Find("rating", "value", "score", "weight", "count", "stars"),
            Time = Find("timestamp", "time", "ts", "datetime"),
        };
    }

    /// <summary>
    /// True when the value column is named as ratings are (rating, ratings, stars, score), so a file of one's own read
    /// by its header holds explicit feedback; weight, count and value columns, and unnamed ones, hold implicit weights.
    /// </summary>
    public bool ValueNamesRatings =>
        Value is { } value && !IsPosition(value, out _) &&
        RatingNames.Contains(value.Trim().Replace("_", "").Replace(" ", ""), StringComparer.OrdinalIgnoreCase);

    private static readonly string[] RatingNames = ["rating", "ratings", "stars", "score"];

    /// <summary>True when every mapped column is given by number, so the file needs no header.</summary>
    public bool IsPositional =>
        IsPosition(User, out _) && IsPosition(Item, out _) &&
        (Value is null || IsPosition(Value, out _)) && (Time is null || IsPosition(Time, out _));

    internal static bool IsPosition(string column, out int position) =>
        int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out position);
}
