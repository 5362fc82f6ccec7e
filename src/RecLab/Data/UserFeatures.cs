namespace RecLab.Data;

/// <summary>
/// Categorical user side information (e.g. age band, gender, occupation, zip prefix): for each field,
/// a category index per user, or -1 when unknown.
/// </summary>
public sealed class UserFeatures
{
    private readonly string[] _fields;
    private readonly IdMap[] _categories;
    private readonly int[][] _codes;

    internal UserFeatures(IdMap users, string[] fields, IdMap[] categories, int[][] codes)
    {
        Users = users;
        _fields = fields;
        _categories = categories;
        _codes = codes;
    }

    /// <summary>The user id map (the same instance as the interaction data's).</summary>
    public IdMap Users { get; }

    /// <summary>Field names in order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>The index of a field, or -1.</summary>
    public int FieldIndex(string field) => Array.IndexOf(_fields, field);

    /// <summary>The category labels of a field.</summary>
    public IdMap Categories(int field) => _categories[field];

    /// <summary>The category index of a user in a field, or -1 when unknown.</summary>
    public int ValueOf(int field, int user) => _codes[field][user];

    /// <summary>The category codes of every user in a field (-1 = unknown).</summary>
    public ReadOnlySpan<int> Column(int field) => _codes[field];

    /// <summary>The category label of a user in a named field, or null when unknown.</summary>
    public string? LabelOf(string field, int user)
    {
        var f = FieldIndex(field);
        if (f < 0)
            throw new ArgumentException($"Unknown user feature field '{field}'; fields are {string.Join(", ", _fields)}.", nameof(field));
        var code = _codes[f][user];
        return code < 0 ? null : _categories[f][code];
    }
}
