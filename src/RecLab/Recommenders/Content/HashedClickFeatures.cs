using RecLab.Data;
using RecLab.Randomness;

namespace RecLab.Recommenders.Content;

/// <summary>
/// The logistic click model's feature map φ(u, i, k), hashed into <c>2^HashBits</c> slots (Weinberger et al. 2009): a
/// bias, the item's features (L2-normalized) and id, the user's categories, each category crossed with the item's
/// cross-field features (topic x age band), optionally the user id crossed with them, and the slate position.
/// Every hash is computed once per item, category and position, so a row's features are array lookups.
/// </summary>
internal sealed class HashedClickFeatures
{
    private const ulong BiasKey = 1, ItemFeatureKey = 2, ItemIdKey = 3, UserKey = 4, CrossKey = 5, UserCrossKey = 6, PositionKey = 7;

    private readonly ClickModelOptions _options;
    private readonly int _mask;
    private readonly CsrMatrix _itemPart;
    private readonly CsrMatrix _crossFeatures;
    private readonly int[][] _crossHashed;
    private readonly int[] _categoryHashed;
    private readonly int[][] _userCategories;
    private readonly int[] _positionHashed;
    private readonly int _bias;

    public HashedClickFeatures(TrainingSet train, ClickModelOptions options, CsrMatrix itemFeatures, CsrMatrix crossFeatures)
    {
        _options = options;
        _mask = (1 << options.HashBits) - 1;
        var itemCount = train.ItemCount;
        var offsets = new int[itemCount + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (var i = 0; i < itemCount; i++)
        {
            var fi = itemFeatures.RowIndices(i);
            var fv = itemFeatures.RowValues(i);
            for (var k = 0; k < fi.Length; k++)
            {
                indices.Add(Hash(ItemFeatureKey, (ulong)fi[k]));
                values.Add(fv[k]);
            }
            if (options.ItemIds)
            {
                indices.Add(Hash(ItemIdKey, (ulong)i));
                values.Add(1);
            }
            offsets[i + 1] = indices.Count;
        }
        _itemPart = new CsrMatrix(itemCount, _mask + 1, offsets, [.. indices], [.. values]);
        _crossFeatures = crossFeatures;

        // User categories: ordinal = the field's first ordinal + the category code.
        var features = train.UserFeatures;
        var categories = new List<int>();
        var fieldStart = new int[features?.Fields.Count ?? 0];
        for (var f = 0; f < fieldStart.Length; f++)
        {
            fieldStart[f] = categories.Count;
            for (var c = 0; c < features!.Categories(f).Count; c++)
                categories.Add(f * 1_000_000 + c);
        }
        _categoryHashed = categories.Select(key => Hash(UserKey, (ulong)key)).ToArray();
        _crossHashed = categories.Select(key =>
        {
            var crossIdx = crossFeatures.Indices;
            var hashed = new int[crossIdx.Length];
            for (var k = 0; k < hashed.Length; k++)
                hashed[k] = Hash(CrossKey, (ulong)key, (ulong)crossIdx[k]);
            return hashed;
        }).ToArray();
        _userCategories = new int[train.UserCount][];
        for (var u = 0; u < _userCategories.Length; u++)
        {
            var list = new List<int>();
            for (var f = 0; f < fieldStart.Length; f++)
                if (features!.ValueOf(f, u) is var code and >= 0)
                    list.Add(fieldStart[f] + code);
            _userCategories[u] = [.. list];
        }
        _positionHashed = Enumerable.Range(0, ClickFields.Positions).Select(k => Hash(PositionKey, (ulong)k)).ToArray();
        _bias = Hash(BiasKey, 0);

        int maxItem = 0, maxCross = 0, maxCategories = 0;
        for (var i = 0; i < itemCount; i++)
        {
            maxItem = Math.Max(maxItem, _itemPart.RowLength(i));
            maxCross = Math.Max(maxCross, crossFeatures.RowLength(i));
        }
        foreach (var c in _userCategories)
            maxCategories = Math.Max(maxCategories, c.Length);
        MaxFeatures = 2 + maxItem + maxCategories * (1 + maxCross) + maxCross;
    }

    /// <summary>Length of the hashed vector.</summary>
    public int Dimension => _mask + 1;

    /// <summary>Most (index, value) pairs <see cref="Write"/> produces.</summary>
    public int MaxFeatures { get; }

    private int Hash(ulong kind, ulong a, ulong b = 0) => (int)(Seeds.Derive(kind, a, b) & (ulong)_mask);

    /// <summary>
    /// Writes φ(u, i, k) with ascending, distinct indices (colliding features summed, as a hashed linear model sees them);
    /// returns how many.
    /// </summary>
    public int Write(int user, int item, int position, Span<int> idx, Span<float> val)
    {
        var n = 0;
        idx[n] = _bias;
        val[n++] = 1;
        var pi = _itemPart.RowIndices(item);
        pi.CopyTo(idx[n..]);
        _itemPart.RowValues(item).CopyTo(val[n..]);
        n += pi.Length;
        var start = _crossFeatures.Offsets[item];
        var cv = _crossFeatures.RowValues(item);
        if ((uint)user < (uint)_userCategories.Length)
        {
            foreach (var c in _userCategories[user])
            {
                idx[n] = _categoryHashed[c];
                val[n++] = 1;
                _crossHashed[c].AsSpan(start, cv.Length).CopyTo(idx[n..]);
                cv.CopyTo(val[n..]);
                n += cv.Length;
            }
            if (_options.UserCrosses)
            {
                var ci = _crossFeatures.RowIndices(item);
                for (var k = 0; k < ci.Length; k++)
                {
                    idx[n] = Hash(UserCrossKey, (ulong)user, (ulong)ci[k]);
                    val[n++] = cv[k];
                }
            }
        }
        if (_options.Position)
        {
            idx[n] = _positionHashed[Math.Min(position, ClickFields.Positions - 1)];
            val[n++] = 1;
        }
        return SortedSum(idx[..n], val[..n]);
    }

    /// <summary>Sorts pairs by index and sums duplicates in place; returns the distinct count.</summary>
    internal static int SortedSum(Span<int> idx, Span<float> val)
    {
        idx.Sort(val);
        var m = 0;
        for (var k = 0; k < idx.Length; k++)
        {
            if (m > 0 && idx[m - 1] == idx[k])
                val[m - 1] += val[k];
            else
            {
                idx[m] = idx[k];
                val[m++] = val[k];
            }
        }
        return m;
    }
}
