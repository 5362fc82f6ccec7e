using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RecLab.Internal.Kernels;

/// <summary>
/// The biased-MF SGD step of Surprise's SVD, over ratings in a given order:
/// <c>e = r - (mu + b_u + b_i + p_u·q_i)</c>, then <c>b_u += γ(e - λb_u)</c>, <c>b_i += γ(e - λb_i)</c>,
/// <c>p_u += γ(e q_i - λp_u)</c>, <c>q_i += γ(e p_u - λq_i)</c> with the old <c>p_u</c>. Twin: <see cref="SgdKernelNaive"/>.
/// </summary>
/// <remarks>
/// <para>Float rows padded to 8 lanes, <see cref="Vector256{T}"/> throughout (a fixed width, so the bytes are the same on
/// every CPU), no allocation, no bounds checks in the loop. The factor update is written as
/// <c>p_u ← (1 - γλ)p_u + (γe)q_i</c>, one multiply and one fused multiply-add per 8 factors.</para>
/// <para>What bounds the speed is latency, not arithmetic: consecutive ratings of one user form a chain (the next dot
/// product needs the updated <c>p_u</c>), about 50 cycles a link, where the floating-point work of a rating at 100 factors
/// fits in about 20. So the chain is kept short: the dot product has four accumulators and is summed across lanes
/// without leaving the vector registers (the error arrives in every lane, ready to scale the update); when the next rating
/// is the same user's, the update loop computes the next dot product from the new <c>p_u</c> as it stores it
/// (<see cref="UpdateAndDot"/>), instead of reading it back; and the item row a few ratings ahead is prefetched,
/// since the item factors (4 MB on ml-latest-small) do not fit in a core's cache, and so is the user row where the
/// user changes. Each of these was measured, see the benchmarks README.</para>
/// </remarks>
internal static class SgdKernel
{
    /// <summary>How many ratings ahead the item row is prefetched (4 and 6 measured alike, 0 and 2 slower).</summary>
    private const int PrefetchDistance = 4;

    /// <summary>
    /// How many ratings ahead a new user's row is prefetched: further than an item's, since on two threads it comes from
    /// the other core's cache and on a large world from memory (12 measured a little better than 4).
    /// </summary>
    private const int UserPrefetchDistance = 12;

    /// <summary>One pass over the ratings in order; returns the sum of squared errors measured before each update.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Pass(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> values,
        FactorMatrix p, FactorMatrix q, Span<float> bu, Span<float> bi, float mu, in SgdRates rates)
    {
        if (users.Length != items.Length || users.Length != values.Length)
            throw new ArgumentException("Users, items and values must align.");
        if (p.Stride != q.Stride || bu.Length < p.Rows || bi.Length < q.Rows)
            throw new ArgumentException("User and item parameters disagree.");
        var n = users.Length;
        if (n == 0)
            return 0;
        var stride = p.Stride;
        // Locals, not a struct of constants: the loop needs every vector register it can get.
        var userRate = Vector256.Create(rates.UserFactorRate);
        var itemRate = Vector256.Create(rates.ItemFactorRate);
        var userKeep = Vector256.Create(1f - rates.UserFactorRate * rates.UserFactorReg);
        var itemKeep = Vector256.Create(1f - rates.ItemFactorRate * rates.ItemFactorReg);
        ref var userBias = ref MemoryMarshal.GetReference(bu);
        ref var itemBias = ref MemoryMarshal.GetReference(bi);
        if ((uint)users[0] >= (uint)p.Rows || (uint)items[0] >= (uint)q.Rows)
            ThrowOutside(0, users[0], items[0]);
        var dot = DotAll(ref p.RowRef(users[0]), ref q.RowRef(items[0]), stride);
        double sse = 0;
        for (var k = 0; k < n; k++)
        {
            var u = users[k];
            var i = items[k];
            if (k + PrefetchDistance < n)
                q.Prefetch(items[k + PrefetchDistance]);
            if (k + UserPrefetchDistance < n && users[k + UserPrefetchDistance] != users[k + UserPrefetchDistance - 1])
                p.Prefetch(users[k + UserPrefetchDistance]);
            ref var pu = ref p.RowRef(u);
            ref var qi = ref q.RowRef(i);
            ref var bU = ref Unsafe.Add(ref userBias, u);
            ref var bI = ref Unsafe.Add(ref itemBias, i);
            var error = Vector256.Create(values[k] - (mu + bU + bI)) - dot;
            var e = error.ToScalar();
            sse += (double)e * e;
            if (rates.Biased)
            {
                bU += rates.UserBiasRate * (e - rates.UserBiasReg * bU);
                bI += rates.ItemBiasRate * (e - rates.ItemBiasReg * bI);
            }
            var (userStep, itemStep) = (userRate * error, itemRate * error);
            if (k + 1 == n)
            {
                Update(ref pu, ref qi, stride, userStep, itemStep, userKeep, itemKeep);
                break;
            }
            var (nextUser, nextItem) = (users[k + 1], items[k + 1]);
            if ((uint)nextUser >= (uint)p.Rows || (uint)nextItem >= (uint)q.Rows)
                ThrowOutside(k + 1, nextUser, nextItem);
            // The same user next (Surprise's order, a block's): its dot product comes out of this update. (The same
            // item again reads each chunk of q_i after storing it, so it sees the update as the plain path does.)
            if (nextUser == u)
            {
                dot = UpdateAndDot(ref pu, ref qi, ref q.RowRef(nextItem), stride, userStep, itemStep, userKeep, itemKeep);
                continue;
            }
            Update(ref pu, ref qi, stride, userStep, itemStep, userKeep, itemKeep);
            dot = DotAll(ref p.RowRef(nextUser), ref q.RowRef(nextItem), stride);
        }
        return sse;
    }

    /// <summary>
    /// Folds in a user the model never saw: <paramref name="epochs"/> passes of the same updates over the user's
    /// (item, target) pairs with the item side read-only, from <paramref name="pu"/> and <paramref name="bu"/> as given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> targets, FactorMatrix q, ReadOnlySpan<float> bi,
        float mu, in SgdRates rates, int epochs, Span<float> pu, ref float bu)
    {
        if (items.Length != targets.Length || pu.Length != q.Stride)
            throw new ArgumentException("Items and targets must align, and the user row must have the item rows' stride.");
        var stride = q.Stride;
        var userRate = Vector256.Create(rates.UserFactorRate);
        var userKeep = Vector256.Create(1f - rates.UserFactorRate * rates.UserFactorReg);
        ref var user = ref MemoryMarshal.GetReference(pu);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var k = 0; k < items.Length; k++)
            {
                var i = items[k];
                if ((uint)i >= (uint)q.Rows)
                    throw new ArgumentOutOfRangeException(nameof(items), $"Item {i} is outside the factors.");
                ref var qi = ref q.RowRef(i);
                var error = Vector256.Create(targets[k] - (mu + bu + bi[i])) - DotAll(ref user, ref qi, stride);
                if (rates.Biased)
                {
                    var e = error.ToScalar();
                    bu += rates.UserBiasRate * (e - rates.UserBiasReg * bu);
                }
                var userStep = userRate * error;
                for (nuint f = 0; (int)f < stride; f += Lanes)
                    Vector256.FusedMultiplyAdd(userStep, Vector256.LoadUnsafe(ref qi, f), userKeep * Vector256.LoadUnsafe(ref user, f)).StoreUnsafe(ref user, f);
            }
        }
    }

    // Out of line: a call in the loop would make the JIT save every vector register around it.
    [DoesNotReturn]
    private static void ThrowOutside(int k, int user, int item) =>
        throw new ArgumentOutOfRangeException("users", $"Rating {k} has user {user} and item {item} outside the factors.");

    /// <summary>
    /// Σ a[f]·b[f] over a padded row, in every lane: chunk c of 8 floats goes to accumulator c mod 4, and the lanes are
    /// added pairwise (halves, then pairs, then neighbours), an order that leaves the same sum in each lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> DotAll(ref float a, ref float b, int stride)
    {
        var acc0 = Vector256<float>.Zero;
        var acc1 = acc0;
        var acc2 = acc0;
        var acc3 = acc0;
        nuint f = 0;
        for (; (int)f + 4 * Lanes <= stride; f += 4 * Lanes)
        {
            acc0 = MultiplyAdd(ref a, ref b, f, acc0);
            acc1 = MultiplyAdd(ref a, ref b, f + Lanes, acc1);
            acc2 = MultiplyAdd(ref a, ref b, f + 2 * Lanes, acc2);
            acc3 = MultiplyAdd(ref a, ref b, f + 3 * Lanes, acc3);
        }
        if ((int)f + Lanes <= stride)
            acc0 = MultiplyAdd(ref a, ref b, f, acc0);
        if ((int)f + 2 * Lanes <= stride)
            acc1 = MultiplyAdd(ref a, ref b, f + Lanes, acc1);
        if ((int)f + 3 * Lanes <= stride)
            acc2 = MultiplyAdd(ref a, ref b, f + 2 * Lanes, acc2);
        return SumAll(acc0, acc1, acc2, acc3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyAdd(ref float a, ref float b, nuint f, Vector256<float> acc) =>
        Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, f), Vector256.LoadUnsafe(ref b, f), acc);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> SumAll(Vector256<float> acc0, Vector256<float> acc1, Vector256<float> acc2, Vector256<float> acc3)
    {
        var s = (acc0 + acc2) + (acc1 + acc3);
        s += Vector256.Shuffle(s, Vector256.Create(4, 5, 6, 7, 0, 1, 2, 3));
        s += Vector256.Shuffle(s, Vector256.Create(2, 3, 0, 1, 6, 7, 4, 5));
        return s + Vector256.Shuffle(s, Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
    }

    private const int Lanes = FactorMatrix.Lanes;

    /// <summary>
    /// Both rows from the old values of both: <c>x ← keep·x + step·y</c> with <paramref name="userStep"/> = γe in every
    /// lane and keep = 1 - γλ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(ref float pu, ref float qi, int stride, Vector256<float> userStep, Vector256<float> itemStep,
        Vector256<float> userKeep, Vector256<float> itemKeep)
    {
        for (nuint f = 0; (int)f < stride; f += Lanes)
            UpdateChunk(ref pu, ref qi, f, userStep, itemStep, userKeep, itemKeep);
    }

    /// <summary><see cref="Update"/>, returning <see cref="DotAll"/> of the new p_u with <paramref name="qNext"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> UpdateAndDot(ref float pu, ref float qi, ref float qNext, int stride, Vector256<float> userStep,
        Vector256<float> itemStep, Vector256<float> userKeep, Vector256<float> itemKeep)
    {
        var acc0 = Vector256<float>.Zero;
        var acc1 = acc0;
        var acc2 = acc0;
        var acc3 = acc0;
        nuint f = 0;
        for (; (int)f + 4 * Lanes <= stride; f += 4 * Lanes)
        {
            acc0 = UpdateChunkAndDot(ref pu, ref qi, ref qNext, f, userStep, itemStep, userKeep, itemKeep, acc0);
            acc1 = UpdateChunkAndDot(ref pu, ref qi, ref qNext, f + Lanes, userStep, itemStep, userKeep, itemKeep, acc1);
            acc2 = UpdateChunkAndDot(ref pu, ref qi, ref qNext, f + 2 * Lanes, userStep, itemStep, userKeep, itemKeep, acc2);
            acc3 = UpdateChunkAndDot(ref pu, ref qi, ref qNext, f + 3 * Lanes, userStep, itemStep, userKeep, itemKeep, acc3);
        }
        if ((int)f + Lanes <= stride)
            acc0 = UpdateChunkAndDot(ref pu, ref qi, ref qNext, f, userStep, itemStep, userKeep, itemKeep, acc0);
        if ((int)f + 2 * Lanes <= stride)
            acc1 = UpdateChunkAndDot(ref pu, ref qi, ref qNext, f + Lanes, userStep, itemStep, userKeep, itemKeep, acc1);
        if ((int)f + 3 * Lanes <= stride)
            acc2 = UpdateChunkAndDot(ref pu, ref qi, ref qNext, f + 2 * Lanes, userStep, itemStep, userKeep, itemKeep, acc2);
        return SumAll(acc0, acc1, acc2, acc3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> UpdateChunkAndDot(ref float pu, ref float qi, ref float qNext, nuint f, Vector256<float> userStep,
        Vector256<float> itemStep, Vector256<float> userKeep, Vector256<float> itemKeep, Vector256<float> acc) =>
        Vector256.FusedMultiplyAdd(UpdateChunk(ref pu, ref qi, f, userStep, itemStep, userKeep, itemKeep), Vector256.LoadUnsafe(ref qNext, f), acc);

    /// <summary>Updates 8 factors of both rows; returns the new ones of p_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> UpdateChunk(ref float pu, ref float qi, nuint f, Vector256<float> userStep, Vector256<float> itemStep,
        Vector256<float> userKeep, Vector256<float> itemKeep)
    {
        var pf = Vector256.LoadUnsafe(ref pu, f);
        var qf = Vector256.LoadUnsafe(ref qi, f);
        var updated = Vector256.FusedMultiplyAdd(userStep, qf, userKeep * pf);
        updated.StoreUnsafe(ref pu, f);
        Vector256.FusedMultiplyAdd(itemStep, pf, itemKeep * qf).StoreUnsafe(ref qi, f);
        return updated;
    }
}
