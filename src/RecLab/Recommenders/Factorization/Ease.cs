using System.Diagnostics;
using RecLab.Data;
using RecLab.Internal.Kernels;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// EASE (Steck 2019): a closed-form item-item model <c>B = I − P·diag(1/diag(P))</c>, <c>P = (XᵀX + λI)⁻¹</c>, with a
/// zero diagonal (an item may not recommend itself). X is the 0/1 pattern of the training interactions; a user's
/// scores are their history row times B, so cold users with a history are scored without refitting.
/// </summary>
/// <remarks>
/// Items without training interactions are left out of the inversion and score 0. The model is a dense float
/// matrix over the remaining n items (4·n² bytes); the inverse is computed in place in float by block sweeps, in
/// parallel (about n³ operations). Catalogues above <see cref="EaseOptions.MaxItems"/>, or larger than the memory
/// available, are refused with the memory they would need.
/// </remarks>
public sealed class Ease(EaseOptions options) : Recommender<EaseOptions>(options)
{
    /// <summary>Most items a float[] can hold n² of (n² ≤ the largest array length).</summary>
    public const int ArrayLimit = 46_340;

    private float[] _weights = [];
    private int[] _compact = [];
    private int[] _itemOf = [];

    /// <summary>Creates it with default options.</summary>
    public Ease() : this(new EaseOptions()) { }

    /// <inheritdoc/>
    public override string Name => "ease";

    /// <summary>Items in the model (those with training interactions).</summary>
    public int ModelItems => _itemOf.Length;

    /// <summary>The weight B[i, j] between two training item indices (0 for items outside the model).</summary>
    public float Weight(int from, int to)
    {
        var n = _itemOf.Length;
        if ((uint)from >= (uint)_compact.Length || (uint)to >= (uint)_compact.Length || _compact[from] < 0 || _compact[to] < 0)
            return 0;
        return _weights[_compact[from] * n + _compact[to]];
    }

    /// <summary>Bytes of the dense item x item model for <paramref name="items"/> items (float).</summary>
    public static long BytesFor(int items) => 4L * items * items;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var byUser = train.Interactions.ByUser;
        var byItem = train.Interactions.ByItem;
        var compact = new int[train.ItemCount];
        var itemOf = new List<int>();
        for (var i = 0; i < compact.Length; i++)
        {
            compact[i] = byItem.RowLength(i) > 0 ? itemOf.Count : -1;
            if (compact[i] >= 0)
                itemOf.Add(i);
        }
        var n = itemOf.Count;
        CheckSize(n);
        var stopwatch = Stopwatch.StartNew();
        var parallel = context.ParallelOptions;

        var p = new float[n * n];
        SparseDense.PatternGram(byUser, byItem, compact, n, p, parallel);
        Dense.AddToDiagonal(p, n, Options.Regularization);
        context.Progress?.Report(new FitProgress("gram", 1, 3, null, stopwatch.Elapsed));
        if (!SymmetricInverse.Invert(p, n, parallel))
            throw new TrainingDivergedException(Name, "step", 2, "XᵀX + λI is not positive definite", "Use Regularization > 0.");
        context.Progress?.Report(new FitProgress("inverse", 2, 3, null, stopwatch.Elapsed));

        // B = I − P·diag(1/diag(P)), i.e. B[i, j] = −P[i, j] / P[j, j] off the diagonal, 0 on it.
        var inverseDiagonal = new float[n];
        for (var j = 0; j < n; j++)
            inverseDiagonal[j] = -1f / p[j * n + j];
        Parallel.For(0, n, parallel, i =>
        {
            var row = p.AsSpan(i * n, n);
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, inverseDiagonal, row);
            row[i] = 0;
        });
        TrainingDivergedException.ThrowIfNotFinite(Name, "step", 3, "item-item", p, "Try a larger Regularization.");
        context.Progress?.Report(new FitProgress("weights", 3, 3, null, stopwatch.Elapsed));
        _weights = p;
        _compact = compact;
        _itemOf = [.. itemOf];
    }

    private void CheckSize(int n)
    {
        var bytes = BytesFor(n);
        var need = $"its item x item matrix would need {Gigabytes(bytes)} (4·n² bytes in float)";
        if (n > Options.MaxItems)
            throw new NotSupportedException(
                $"{Name}: the catalogue has {n:N0} items with training interactions, more than MaxItems = {Options.MaxItems:N0}; {need}. " +
                "Raise MaxItems if the machine has the memory (fitting takes about n³ operations), or use a model that grows with the data (item-knn, implicit-als).");
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (bytes > available / 10 * 9)
            throw new NotSupportedException(
                $"{Name}: the catalogue has {n:N0} items; {need}, but only {Gigabytes(available)} is available to this process.");
    }

    private static string Gigabytes(long bytes) => (bytes / 1e9).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " GB";

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        if (query.HistoryLength == 0)
        {
            scores.Fill(float.NaN);
            return;
        }
        var n = _itemOf.Length;
        var compactScores = new float[n];
        foreach (var item in query.History.Span)
            if ((uint)item < (uint)_compact.Length && _compact[item] >= 0)
                Dense.Axpy(1f, _weights.AsSpan(_compact[item] * n, n), compactScores);
        scores.Clear();
        for (var c = 0; c < n; c++)
            scores[_itemOf[c]] = compactScores[c];
    }
}
