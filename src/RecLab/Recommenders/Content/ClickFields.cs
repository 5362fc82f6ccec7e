using RecLab.Data;
using RecLab.Recommenders.Learning;

namespace RecLab.Recommenders.Content;

/// <summary>
/// The field layouts of the learned click models. For the field-aware factorization machine, one-hot fields: user id,
/// user categories (one per user feature), item id, item content (its features, L2-normalized), creator, and context
/// (slate position, and whether the user follows the creator where the world knows). Every field always holds unit
/// norm (a missing value is a "missing" slot), so ML.NET's per-row normalization scales every row alike. For boosted
/// trees, one dense row: position, the <see cref="ClickHistory"/> counts, user categories one-hot and the item features
/// of the small fields (topic, genre, kind, price band: at most <see cref="SmallField"/> values).
/// </summary>
internal sealed class ClickFields
{
    /// <summary>Distinct slate positions (the last one stands for every deeper slot).</summary>
    public const int Positions = 32;

    /// <summary>Largest vocabulary of an item feature field that boosted trees see one column per value of.</summary>
    public const int SmallField = 64;

    private readonly bool[] _knownUsers;
    private readonly bool[] _knownItems;
    private readonly UserFeatures? _userFeatures;
    private readonly int[] _categoryStart;
    private readonly CsrMatrix _content;
    private readonly CsrMatrix _small;
    private readonly CreatorLinks _creators;
    private readonly bool _position;

    public ClickFields(TrainingSet train, CsrMatrix content, CsrMatrix small, CreatorLinks creators, bool[] knownUsers, bool[] knownItems, bool position)
    {
        _knownUsers = knownUsers;
        _knownItems = knownItems;
        _userFeatures = train.UserFeatures;
        _content = content;
        _small = small;
        _creators = creators;
        _position = position;
        var fields = _userFeatures?.Fields.Count ?? 0;
        _categoryStart = new int[fields + 1];
        for (var f = 0; f < fields; f++)
            _categoryStart[f + 1] = _categoryStart[f] + _userFeatures!.Categories(f).Count + 1;
        var sizes = new List<int> { 1 + knownUsers.Length };
        if (fields > 0)
            sizes.Add(_categoryStart[fields]);
        sizes.Add(1 + knownItems.Length);
        sizes.Add(1 + content.ColumnCount);
        if (creators.Count > 0)
            sizes.Add(1 + creators.Count);
        sizes.Add(Positions + (creators.HasFollows ? 2 : 0));
        FieldSizes = sizes;
        DenseSize = 1 + ClickHistory.Count + _categoryStart[fields] + small.ColumnCount;
        var maxContent = 1;
        for (var i = 0; i < content.RowCount; i++)
            maxContent = Math.Max(maxContent, content.RowLength(i));
        _maxNonZeros = [.. sizes.Select((size, f) => f == ContentField ? maxContent : Math.Min(size, Math.Max(1, fields)))];
        _maxNonZeros[^1] = creators.HasFollows ? 2 : 1;
    }

    private readonly int[] _maxNonZeros;

    private int DemographicsField => _userFeatures is null ? -1 : 1;

    private int ItemField => _userFeatures is null ? 1 : 2;

    private int ContentField => ItemField + 1;

    private int CreatorField => _creators.Count > 0 ? ContentField + 1 : -1;

    /// <summary>Sizes of the factorization machine's fields.</summary>
    public IReadOnlyList<int> FieldSizes { get; }

    /// <summary>Most non-zeros of a field.</summary>
    public int MaxNonZeros(int field) => _maxNonZeros[field];

    /// <summary>Length of the boosted trees' dense row.</summary>
    public int DenseSize { get; }

    /// <summary>Writes field <paramref name="field"/> of (user, item, position); returns how many non-zeros (indices ascending).</summary>
    public int Write(int user, int item, int position, int field, Span<int> idx, Span<float> val)
    {
        if (field == 0)
            return One(idx, val, (uint)user < (uint)_knownUsers.Length && _knownUsers[user] ? 1 + user : 0);
        if (field == DemographicsField)
        {
            var n = 0;
            for (var f = 0; f < _categoryStart.Length - 1; f++)
            {
                var code = (uint)user < (uint)_userFeatures!.Users.Count ? _userFeatures.ValueOf(f, user) : -1;
                idx[n] = _categoryStart[f] + code + 1;
                val[n++] = 1;
            }
            return n;
        }
        if (field == ItemField)
            return One(idx, val, _knownItems[item] ? 1 + item : 0);
        if (field == ContentField)
        {
            var fi = _content.RowIndices(item);
            if (fi.Length == 0)
                return One(idx, val, _content.ColumnCount);
            fi.CopyTo(idx);
            _content.RowValues(item).CopyTo(val);
            return fi.Length;
        }
        if (field == CreatorField)
            return One(idx, val, 1 + _creators.CreatorOf(item));
        // Context: the position, and the follow edge.
        idx[0] = _position ? Math.Min(position, Positions - 1) : 0;
        val[0] = 1;
        if (!_creators.HasFollows)
            return 1;
        idx[1] = Positions + (_creators.Follows(user, item) ? 1 : 0);
        val[1] = 1;
        return 2;
    }

    /// <summary>Writes the boosted trees' dense row of (user, item, position) given its <see cref="ClickHistory"/> counts.</summary>
    public void WriteDense(int user, int item, int position, ReadOnlySpan<float> counts, Span<float> row)
    {
        row.Clear();
        row[0] = _position ? Math.Min(position, Positions - 1) : 0;
        counts.CopyTo(row[1..]);
        var at = 1 + ClickHistory.Count;
        if (_userFeatures is not null && (uint)user < (uint)_userFeatures.Users.Count)
            for (var f = 0; f < _categoryStart.Length - 1; f++)
                row[at + _categoryStart[f] + _userFeatures.ValueOf(f, user) + 1] = 1;
        at += _categoryStart[^1];
        var si = _small.RowIndices(item);
        var sv = _small.RowValues(item);
        for (var k = 0; k < si.Length; k++)
            row[at + si[k]] = sv[k];
    }

    private static int One(Span<int> idx, Span<float> val, int index)
    {
        idx[0] = index;
        val[0] = 1;
        return 1;
    }
}
