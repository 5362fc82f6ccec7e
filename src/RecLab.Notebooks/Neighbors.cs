using System.Numerics.Tensors;
using RecLab.Data;
using RecLab.Recommenders;

namespace RecLab.Notebooks;

/// <summary>
/// The items nearest to one item under a model's similarity, for looking inside a model: a kNN model's fitted
/// similarities (<c>itemKnn.SimilarityOf</c>) or the cosine of latent factors (<c>mf.ItemFactors</c>).
/// </summary>
/// <example>
/// <code>
/// var near = Neighbors.Nearest(toyStory, data.ItemCount, j => knn.SimilarityOf(toyStory, j), 10);
/// ResultTable.Neighbors(dataset, data, toyStory, near)   // with the users each pair has in common
/// </code>
/// </example>
public static class Neighbors
{
    /// <summary>
    /// The <paramref name="n"/> items with the highest <paramref name="similarity"/> to <paramref name="item"/>, best
    /// first (ties to the lower index); the item itself and NaN similarities are left out.
    /// </summary>
    /// <param name="item">The item whose neighbours are sought.</param>
    /// <param name="itemCount">Items in the id space: candidates are 0 to <paramref name="itemCount"/> - 1.</param>
    /// <param name="similarity">The similarity of <paramref name="item"/> to a candidate.</param>
    /// <param name="n">How many neighbours.</param>
    /// <param name="include">Only candidates for which it is true (e.g. items with enough ratings); all when null.</param>
    public static ScoredItem[] Nearest(int item, int itemCount, Func<int, float> similarity, int n, Func<int, bool>? include = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        var candidates = new List<ScoredItem>();
        for (var j = 0; j < itemCount; j++)
        {
            if (j == item || (include is not null && !include(j)))
                continue;
            var s = similarity(j);
            if (!float.IsNaN(s))
                candidates.Add(new ScoredItem(j, s));
        }
        candidates.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Item.CompareTo(b.Item));
        return [.. candidates.Take(n)];
    }

    /// <summary>
    /// The <paramref name="n"/> items whose vectors (e.g. latent factors) have the highest cosine with
    /// <paramref name="item"/>'s: <c>cos(q_i, q_j) = q_i·q_j / (|q_i| |q_j|)</c>. Items with a zero vector are left out.
    /// </summary>
    /// <param name="item">The item whose neighbours are sought.</param>
    /// <param name="itemCount">Items in the id space.</param>
    /// <param name="vectors">An item's vector, e.g. <c>mf.ItemFactors</c>.</param>
    /// <param name="n">How many neighbours.</param>
    /// <param name="include">Only candidates for which it is true; all when null.</param>
    public static ScoredItem[] ByCosine(int item, int itemCount, Func<int, ReadOnlySpan<float>> vectors, int n, Func<int, bool>? include = null)
    {
        var target = vectors(item).ToArray();
        var targetNorm = TensorPrimitives.Norm(target);
        return Nearest(item, itemCount, j =>
        {
            var other = vectors(j);
            var norm = TensorPrimitives.Norm(other);
            return targetNorm == 0 || norm == 0 ? float.NaN : TensorPrimitives.Dot(target, other) / (targetNorm * norm);
        }, n, include);
    }

    /// <summary>
    /// The number of columns two rows share: with <c>data.ByItem</c>, the users who interacted with both items; with
    /// <c>data.ByUser</c>, the items both users rated (the support of their similarity).
    /// </summary>
    public static int InCommon(CsrMatrix rows, int row, int other)
    {
        var a = rows.RowIndices(row);
        var b = rows.RowIndices(other);
        int i = 0, j = 0, common = 0;
        // Rows hold ascending user indices: one merge pass.
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return common;
    }
}
