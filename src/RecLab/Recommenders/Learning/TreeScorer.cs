using Microsoft.ML.Trainers.FastTree;

namespace RecLab.Recommenders.Learning;

/// <summary>
/// A trained tree ensemble (FastTree's or LightGBM's, both exposed by ML.NET as a <see cref="RegressionTreeEnsemble"/>)
/// evaluated on a dense feature row: <c>bias + Σ_t w_t · leaf_t(x)</c>, going left where <c>x[feature] ≤ threshold</c>,
/// as ML.NET's own evaluator does. Read out once after training, so scoring a user's whole catalogue costs no ML.NET
/// row machinery and is safe from many threads.
/// </summary>
internal sealed class TreeScorer
{
    private readonly Tree[] _trees;
    private readonly double _bias;

    private sealed record Tree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaves, double Weight);

    public TreeScorer(RegressionTreeEnsemble ensemble)
    {
        _bias = ensemble.Bias;
        _trees = new Tree[ensemble.Trees.Count];
        for (var t = 0; t < _trees.Length; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(c => c))
                throw new NotSupportedException("Categorical tree splits are not evaluated here; features are numeric.");
            _trees[t] = new Tree([.. tree.LeftChild], [.. tree.RightChild], [.. tree.NumericalSplitFeatureIndexes],
                [.. tree.NumericalSplitThresholds], [.. tree.LeafValues], ensemble.TreeWeights[t]);
        }
    }

    /// <summary>Largest feature index any split reads, plus one (the shortest row the ensemble can score).</summary>
    public int FeaturesUsed => _trees.Length == 0 ? 0 : _trees.Max(t => t.Feature.Length == 0 ? 0 : t.Feature.Max() + 1);

    public float Margin(ReadOnlySpan<float> features)
    {
        var sum = _bias;
        foreach (var tree in _trees)
        {
            if (tree.Feature.Length == 0)
            {
                sum += tree.Weight * tree.Leaves[0];
                continue;
            }
            var node = 0;
            while (node >= 0)
                node = features[tree.Feature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
            sum += tree.Weight * tree.Leaves[~node];
        }
        return (float)sum;
    }
}
