namespace RecLab.Recommenders.Factorization;

/// <summary>
/// The first step of every factor model's fold-in of a user known only by a history (a cold or onboarding user):
/// keep the history's items the model has parameters for, with their values, in the history's order. What follows
/// depends on the loss: one least-squares solve (<see cref="ImplicitAls"/>, <see cref="ExplicitAls"/>), or the
/// training SGD repeated on the user's parameters (biased MF, SVD++, BPR), whose early-stopped solution an exact
/// solve would not reproduce.
/// </summary>
internal static class FoldInHistory
{
    /// <summary>The items of <paramref name="items"/> for which <paramref name="isKnown"/> holds, and their values.</summary>
    /// <param name="items">The history.</param>
    /// <param name="values">Values aligned with <paramref name="items"/>, or empty for 1 each.</param>
    /// <param name="isKnown">Whether the model has parameters for an item.</param>
    /// <param name="valuesRequired">True for rating models: a history without one value per item is refused.</param>
    /// <exception cref="ArgumentException">Values required but not aligned with the items.</exception>
    public static (int[] Items, float[] Values) Known(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Func<int, bool> isKnown, bool valuesRequired)
    {
        if (values.Length != items.Length && (valuesRequired || !values.IsEmpty))
            throw new ArgumentException($"The query has {items.Length} history items but {values.Length} values; fold-in needs one rating per item.");
        var count = 0;
        foreach (var i in items)
            if (isKnown(i))
                count++;
        var known = new int[count];
        var knownValues = new float[count];
        count = 0;
        for (var t = 0; t < items.Length; t++)
        {
            if (!isKnown(items[t]))
                continue;
            known[count] = items[t];
            knownValues[count++] = values.IsEmpty ? 1f : values[t];
        }
        return (known, knownValues);
    }
}
