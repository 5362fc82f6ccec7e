using FsCheck;
using FsCheck.Fluent;
using RecLab.Internal.Kernels;

namespace RecLab.Tests.Internal.Kernels;

public sealed class TopNTests
{
    [Fact]
    public void Hand_computed_example_with_ties_and_nan()
    {
        float[] scores = [0.5f, float.NaN, 0.9f, 0.5f, 0.9f, 0.1f];
        var items = new int[4];
        var top = new float[4];
        var n = TopN.Select(scores, items, top);
        Assert.Equal(4, n);
        Assert.Equal([2, 4, 0, 3], items);
        Assert.Equal([0.9f, 0.9f, 0.5f, 0.5f], top);
    }

    [Fact]
    public void Fewer_scorable_items_than_requested_gives_a_shorter_list()
    {
        float[] scores = [float.NaN, 1f, float.NaN];
        var items = new int[5];
        Assert.Equal(1, TopN.Select(scores, items, new float[5]));
        Assert.Equal(1, items[0]);
    }

    [Fact]
    public void Agrees_with_the_naive_twin_on_random_scores()
    {
        // Scores from a small alphabet force many ties; NaN and infinities appear too.
        var scoreGen = Gen.Elements(0f, 0.25f, 0.5f, 1f, -1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity)
            .ArrayOf();
        var property = Prop.ForAll(scoreGen.ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(), (scores, k) =>
        {
            var fastItems = new int[k];
            var fastScores = new float[k];
            var naiveItems = new int[k];
            var naiveScores = new float[k];
            var a = TopN.Select(scores, fastItems, fastScores);
            var b = TopNNaive.Select(scores, naiveItems, naiveScores);
            return a == b && fastItems.AsSpan(0, a).SequenceEqual(naiveItems.AsSpan(0, b));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(1, 3), property);
    }

    [Fact]
    public void Agrees_with_the_naive_twin_on_a_long_vector()
    {
        var rng = new RecLab.Randomness.Rng(5);
        var scores = new float[10_007];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = MathF.Round(rng.NextFloat() * 1000) / 1000;
        var a = new int[50];
        var b = new int[50];
        TopN.Select(scores, a, new float[50]);
        TopNNaive.Select(scores, b, new float[50]);
        Assert.Equal(b, a);
    }
}
