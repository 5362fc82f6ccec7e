using FsCheck;
using FsCheck.Fluent;
using RecLab.Evaluation.Interleaving;
using RecLab.Randomness;
using RecLab.Tests.Support;

namespace RecLab.Tests.Evaluation.Interleaving;

public sealed class TeamDraftTests
{
    [Fact]
    public void Identical_rankings_interleave_to_the_same_ranking()
    {
        var rng = new Rng(1);
        int[] ranking = [5, 3, 9, 1];
        var items = new int[4];
        var teams = new sbyte[4];
        Assert.Equal(4, TeamDraft.Interleave(ranking, ranking, ref rng, items, teams));
        Assert.Equal(ranking, items);
        // Picks alternate in pairs: each pair has one item of each team.
        Assert.Equal(0, teams[0] + teams[1]);
        Assert.Equal(0, teams[2] + teams[3]);
    }

    [Fact]
    public void By_hand_when_a_picks_first()
    {
        // A = [1, 2, 3], B = [2, 4, 5]. Find a seed whose first coin goes to A: A takes 1, B takes 2, then a new coin.
        int[] a = [1, 2, 3], b = [2, 4, 5];
        var items = new int[4];
        var teams = new sbyte[4];
        for (ulong seed = 0; seed < 50; seed++)
        {
            var rng = new Rng(seed);
            TeamDraft.Interleave(a, b, ref rng, items, teams);
            if (teams[0] != TeamDraft.TeamA)
                continue;
            Assert.Equal([1, 2], items[..2]);
            Assert.Equal([TeamDraft.TeamA, TeamDraft.TeamB], teams[..2]);
            // Next pair: A's next unseen is 3, B's is 4, in either order.
            Assert.Equal([3, 4], items[2..].Order());
            return;
        }
        Assert.Fail("no seed gave A the first pick");
    }

    [Fact]
    public void Interleaving_properties()
    {
        var gen =
            from a in Gen.Shuffle(Enumerable.Range(0, 30).ToArray())
            from b in Gen.Shuffle(Enumerable.Range(0, 30).ToArray())
            from length in Gen.Choose(1, 20)
            from seed in Gen.Choose(0, 100_000)
            select (a, b, length, seed);
        Properties.Check(gen, g =>
        {
            var rng = new Rng((ulong)g.seed);
            var items = new int[g.length];
            var teams = new sbyte[g.length];
            var n = TeamDraft.Interleave(g.a, g.b, ref rng, items, teams);
            Assert.Equal(g.length, n);
            Assert.Equal(n, items.Distinct().Count());
            var countA = teams.Count(t => t == TeamDraft.TeamA);
            Assert.InRange(countA - (n - countA), -1, 1);
            // Each team's items appear in its ranker's order.
            var fromA = items.Where((_, k) => teams[k] == TeamDraft.TeamA).Select(i => Array.IndexOf(g.a, i)).ToArray();
            Assert.Equal(fromA.Order(), fromA);
        }, seed: 41);
    }

    [Fact]
    public void Credit_and_summary()
    {
        sbyte[] teams = [1, -1, -1, 1];
        Assert.Equal(1, TeamDraft.Preference(teams, [true, false, false, false]));
        Assert.Equal(-1, TeamDraft.Preference(teams, [true, true, true, false]));
        Assert.Equal(0, TeamDraft.Preference(teams, [true, true, false, false]));
        Assert.Equal(0, TeamDraft.Preference(teams, [false, false, false, false]));
        // 15 wins, 5 losses, 10 ties: Δ = (15 + 5)/30 − 1/2 = 1/6; sign test on 15 against 5.
        var prefs = Enumerable.Repeat(1, 15).Concat(Enumerable.Repeat(-1, 5)).Concat(Enumerable.Repeat(0, 10)).ToArray();
        var r = TeamDraft.Summarize(prefs);
        Assert.Equal((15, 5, 10), (r.Wins, r.Losses, r.Ties));
        Assert.Equal(1.0 / 6, r.Preference, 12);
        Assert.Equal(0.04138947, r.SignTest.PValue, 1e-7);
    }
}
