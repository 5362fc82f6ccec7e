namespace RecLab.Data;

/// <summary>Collects categorical user facts field by field.</summary>
public sealed class UserFeaturesBuilder
{
    private readonly string[] _fields;
    private readonly IdMapBuilder[] _categories;
    private readonly List<int>[] _codes;

    /// <summary>Creates a builder for the given field names.</summary>
    public UserFeaturesBuilder(params string[] fields)
    {
        if (fields.Distinct(StringComparer.Ordinal).Count() != fields.Length)
            throw new ArgumentException("Field names must be distinct.", nameof(fields));
        _fields = fields;
        _categories = fields.Select(_ => new IdMapBuilder()).ToArray();
        _codes = fields.Select(_ => new List<int>()).ToArray();
    }

    /// <summary>Sets a user's category in a field (null or empty = unknown).</summary>
    public void Set(int user, string field, string? category)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        var f = Array.IndexOf(_fields, field);
        if (f < 0)
            throw new ArgumentException($"Unknown field '{field}'.", nameof(field));
        var codes = _codes[f];
        while (codes.Count <= user)
            codes.Add(-1);
        codes[user] = string.IsNullOrEmpty(category) ? -1 : _categories[f].GetOrAdd(category);
    }

    /// <summary>Builds features for every user of <paramref name="users"/> (users never set are unknown in every field).</summary>
    public UserFeatures Build(IdMap users)
    {
        var codes = new int[_fields.Length][];
        for (var f = 0; f < _fields.Length; f++)
        {
            if (_codes[f].Count > users.Count)
                throw new InvalidOperationException($"Field '{_fields[f]}' was set for user index {_codes[f].Count - 1}, beyond the {users.Count} users.");
            codes[f] = new int[users.Count];
            codes[f].AsSpan().Fill(-1);
            _codes[f].CopyTo(codes[f]);
        }
        return new UserFeatures(users, _fields, _categories.Select(c => c.Build()).ToArray(), codes);
    }
}
