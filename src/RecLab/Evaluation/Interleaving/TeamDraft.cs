using RecLab.Evaluation.Statistics;
using RecLab.Randomness;

namespace RecLab.Evaluation.Interleaving;

/// <summary>
/// Team-draft interleaving (Radlinski, Kurup and Joachims 2008): two rankers A and B take turns, like captains picking
/// teams, each adding its highest-ranked item not yet shown; a coin decides who picks first whenever both have picked
/// equally often. Each shown item remembers its team, and a user's clicks credit the teams. Every user sees both
/// rankers at once, so the comparison is within user and needs far fewer users than an A/B test.
/// </summary>
public static class TeamDraft
{
    /// <summary>Team mark of an item picked by ranker A.</summary>
    public const sbyte TeamA = 1;

    /// <summary>Team mark of an item picked by ranker B.</summary>
    public const sbyte TeamB = -1;

    /// <summary>
    /// Interleaves two rankings (best first, each without duplicates) into <paramref name="items"/> and marks each slot's
    /// team in <paramref name="teams"/>. Fills at most <c>items.Length</c> slots; returns how many (fewer only when the two
    /// lists together hold fewer distinct items). When one ranker runs out of unseen items the other keeps picking.
    /// </summary>
    public static int Interleave(ReadOnlySpan<int> a, ReadOnlySpan<int> b, ref Rng rng, Span<int> items, Span<sbyte> teams)
    {
        if (teams.Length < items.Length)
            throw new ArgumentException("There must be a team slot per item slot.", nameof(teams));
        int count = 0, pickedA = 0, pickedB = 0, nextA = 0, nextB = 0;
        while (count < items.Length)
        {
            SkipShown(a, ref nextA, items[..count]);
            SkipShown(b, ref nextB, items[..count]);
            var canA = nextA < a.Length;
            var canB = nextB < b.Length;
            if (!canA && !canB)
                break;
            var pickA = canA && (!canB || pickedA < pickedB || (pickedA == pickedB && rng.NextDouble() < 0.5));
            if (pickA)
            {
                items[count] = a[nextA++];
                teams[count] = TeamA;
                pickedA++;
            }
            else
            {
                items[count] = b[nextB++];
                teams[count] = TeamB;
                pickedB++;
            }
            count++;
        }
        return count;
    }

    /// <summary>The user's preference: +1 when items of team A got more clicks, −1 when team B's did, 0 for a tie (including no click).</summary>
    public static int Preference(ReadOnlySpan<sbyte> teams, ReadOnlySpan<bool> clicked)
    {
        if (clicked.Length > teams.Length)
            throw new ArgumentException("A click flag per shown slot, no more.", nameof(clicked));
        var credit = 0;
        for (var k = 0; k < clicked.Length; k++)
            if (clicked[k])
                credit += teams[k];
        return Math.Sign(credit);
    }

    /// <summary>
    /// Aggregates per-user preferences (+1, −1, 0) into wins, losses and ties, the preference metric
    /// <c>Δ_AB = (wins + ties/2) / n − 1/2</c> (Chapelle, Joachims, Radlinski and Yue 2012; positive favours A) and the
    /// exact sign test on wins against losses.
    /// </summary>
    public static InterleavingResult Summarize(ReadOnlySpan<int> preferences)
    {
        long wins = 0, losses = 0, ties = 0;
        foreach (var p in preferences)
        {
            if (p > 0)
                wins++;
            else if (p < 0)
                losses++;
            else
                ties++;
        }
        var n = wins + losses + ties;
        var delta = n == 0 ? double.NaN : (wins + ties / 2.0) / n - 0.5;
        return new InterleavingResult(wins, losses, ties, delta, SignificanceTests.SignTest(wins, losses));
    }

    private static void SkipShown(ReadOnlySpan<int> ranking, ref int next, ReadOnlySpan<int> shown)
    {
        while (next < ranking.Length && shown.Contains(ranking[next]))
            next++;
    }
}
