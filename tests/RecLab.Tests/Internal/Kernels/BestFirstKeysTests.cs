using FsCheck;
using FsCheck.Fluent;
using RecLab.Internal.Kernels;

namespace RecLab.Tests.Internal.Kernels;

public sealed class BestFirstKeysTests
{
    // Ties, signed zeros, infinities and subnormals are common in this small alphabet.
    private static readonly Gen<float[]> Scores =
        Gen.Elements(0f, -0f, 0.25f, -0.5f, 1f, 1.5f, float.PositiveInfinity, float.NegativeInfinity, 3e-39f, -3e-39f, float.MaxValue, -float.MaxValue).ArrayOf();

    [Fact]
    public void Keys_order_as_score_descending_then_item_ascending_and_give_both_back()
    {
        var property = Prop.ForAll(Scores.ToArbitrary(), values =>
        {
            var items = Enumerable.Range(0, values.Length).Select(i => i * 7_919 % 100_003).ToArray();
            var keys = values.Select((v, i) => BestFirstKeys.Pack(v, items[i])).ToArray();
            var byKeys = Enumerable.Range(0, values.Length).OrderBy(i => keys[i]).ToArray();
            var expected = Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ThenBy(i => items[i]).ToArray();
            // -0 reads back as +0; every other score keeps its bits.
            return byKeys.SequenceEqual(expected)
                && keys.Select(BestFirstKeys.Score).Select(BitConverter.SingleToInt32Bits)
                    .SequenceEqual(values.Select(v => BitConverter.SingleToInt32Bits(v == 0 ? 0f : v)))
                && keys.Select(BestFirstKeys.Item).SequenceEqual(items);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(3, 7), property);
    }

    [Fact]
    public void A_heap_of_keys_keeps_what_the_worst_first_heap_keeps()
    {
        var property = Prop.ForAll(Scores.ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (values, capacity) =>
        {
            var depth = Math.Min(capacity, values.Length);
            var heapScores = new float[depth];
            var heapItems = new int[depth];
            var size = 0;
            var keys = new ulong[depth];
            var count = 0;
            for (var i = 0; i < values.Length; i++)
            {
                var item = i * 7 % 10_007;
                WorstFirstHeap.Offer(heapScores, heapItems, ref size, values[i], item);
                var key = BestFirstKeys.Pack(values[i], item);
                if (count < depth)
                    BestFirstKeys.Push(keys, count++, key);
                else if (key < keys[0])
                    BestFirstKeys.ReplaceWorst(keys, key);
                if (keys.Take(count).Max() != keys[0])
                    return false;
            }
            TopN.SortBestFirst(heapScores, heapItems);
            Array.Sort(keys);
            return keys.Select(BestFirstKeys.Item).SequenceEqual(heapItems)
                && keys.Select(BestFirstKeys.Score).SequenceEqual(heapScores.Select(v => v == 0 ? 0f : v));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(5, 11), property);
    }
}
