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

    [Fact]
    public void Sorting_a_heap_best_first_orders_by_score_then_item()
    {
        // Signed zeros are one score (the lower item first); infinities and ties are common in the small alphabet.
        var entries = Gen.Elements(0f, -0f, 0.25f, -0.5f, 1f, float.PositiveInfinity, float.NegativeInfinity, 3e-39f, -3e-39f).ArrayOf();
        var property = Prop.ForAll(entries.ToArbitrary(), Gen.Choose(1, 1_500).ToArbitrary(), (values, capacity) =>
        {
            var heapScores = new float[Math.Min(capacity, values.Length)];
            var heapItems = new int[heapScores.Length];
            var size = 0;
            for (var i = 0; i < values.Length; i++)
                WorstFirstHeap.Offer(heapScores, heapItems, ref size, values[i], i * 7 % 10_007);
            var expected = heapScores.Zip(heapItems).OrderByDescending(e => e.First).ThenBy(e => e.Second).ToArray();
            TopN.SortBestFirst(heapScores, heapItems);
            return heapItems.SequenceEqual(expected.Select(e => e.Second))
                && heapScores.Select(BitConverter.SingleToInt32Bits).SequenceEqual(expected.Select(e => BitConverter.SingleToInt32Bits(e.First)));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(2, 5), property);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sorting_a_deep_heap_best_first_orders_by_score_then_item(bool withNegativeZero)
    {
        // Deeper than the stack buffer (1,024 keys); with a -0 the heapsort takes over.
        var rng = new RecLab.Randomness.Rng(11);
        var heapScores = new float[4_000];
        var heapItems = new int[heapScores.Length];
        var size = 0;
        for (var i = 0; i < 6_000; i++)
            WorstFirstHeap.Offer(heapScores, heapItems, ref size, MathF.Round(rng.NextFloat() * 200) / 100 - 1, i);
        if (withNegativeZero)
            WorstFirstHeap.Offer(heapScores, heapItems, ref size, -0f, 6_001);
        Assert.Equal(withNegativeZero, heapScores.Any(v => BitConverter.SingleToUInt32Bits(v) == 0x8000_0000u));
        var expected = heapScores.Zip(heapItems).OrderByDescending(e => e.First).ThenBy(e => e.Second).ToArray();
        TopN.SortBestFirst(heapScores, heapItems);
        Assert.Equal(expected.Select(e => e.Second), heapItems);
        Assert.Equal(expected.Select(e => BitConverter.SingleToInt32Bits(e.First)), heapScores.Select(BitConverter.SingleToInt32Bits));
    }
}
